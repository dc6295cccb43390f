import { ApiError } from '../api-error.js';

/** The windows `GET /admin/overview` offers, each with the bucket width that gives a readable chart. */
export const overviewWindows = {
  '1h': { windowInMs: 3_600_000, bucketInMs: 60_000 },
  '24h': { windowInMs: 86_400_000, bucketInMs: 900_000 },
  '7d': { windowInMs: 604_800_000, bucketInMs: 7_200_000 },
  '30d': { windowInMs: 2_592_000_000, bucketInMs: 43_200_000 },
} as const;

export type OverviewWindowName = keyof typeof overviewWindows;

/** The time range of one overview: whole buckets, the last one holding `now`. */
export interface OverviewRange {
  window: OverviewWindowName;
  bucketInMs: number;
  /** Unix ms: the first bucket's start. */
  from: number;
  /** Unix ms, exclusive: the end of the bucket that holds `now`. */
  to: number;
}

const isWindowName = (value: unknown): value is OverviewWindowName =>
  typeof value === 'string' && Object.hasOwn(overviewWindows, value);

/**
 * The query of `GET /admin/overview`: `window` (`1h`, `24h` — the default —, `7d` or `30d`), and the
 * range it covers at `now`. Buckets are aligned to multiples of their width since the Unix epoch, so a
 * chart polled again keeps its buckets; the current one is partial. Anything else is a 400 naming it.
 */
export function parseOverviewQuery(query: unknown, now: number): OverviewRange {
  const { window = '24h', ...rest } = (query ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) {
    throw new ApiError(400, 'invalid_request_error', `Unknown query parameter: '${unknown}'.`, {
      code: 'invalid_value',
      param: unknown,
    });
  }
  if (!isWindowName(window)) {
    const names = Object.keys(overviewWindows).map((name) => `'${name}'`);
    throw new ApiError(
      400,
      'invalid_request_error',
      `Invalid 'window': ${JSON.stringify(window)} is not one of ${names.join(', ')}.`,
      { code: 'invalid_value', param: 'window' },
    );
  }
  const { windowInMs, bucketInMs } = overviewWindows[window];
  const to = Math.floor(now / bucketInMs) * bucketInMs + bucketInMs;
  return { window, bucketInMs, from: to - windowInMs, to };
}
