/** The fixed windows limits are counted in, aligned to UTC: the hour, the day, the calendar month. */
export type LimitWindow = 'hour' | 'day' | 'month';

/** One window: from `start` (included) to `end` (excluded), Unix milliseconds. */
export interface WindowBounds {
  start: number;
  end: number;
}

const hourInMs = 3_600_000;
const dayInMs = 86_400_000;

/**
 * The window `now` falls in. Fixed windows are exact and easy to explain ("60 requests per UTC hour,
 * counting again at 14:00"), which sliding ones are not; every backend (memory, Redis) cuts them here.
 * @example getLimitWindow('day', Date.UTC(2026, 0, 5, 13)) // { start: Date.UTC(2026, 0, 5), end: Date.UTC(2026, 0, 6) }
 */
export function getLimitWindow(window: LimitWindow, now: number): WindowBounds {
  switch (window) {
    case 'hour': {
      const start = Math.floor(now / hourInMs) * hourInMs;
      return { start, end: start + hourInMs };
    }
    case 'day': {
      const start = Math.floor(now / dayInMs) * dayInMs;
      return { start, end: start + dayInMs };
    }
    case 'month': {
      const date = new Date(now);
      const year = date.getUTCFullYear();
      const month = date.getUTCMonth();
      return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
    }
    default: {
      const _exhaustiveCheck: never = window;
      throw new Error(`Unknown limit window ${String(_exhaustiveCheck)}`);
    }
  }
}
