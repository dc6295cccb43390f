import { z } from 'zod';
import { ApiError } from '../api-error.js';

const performanceQuerySchema = z.strictObject({
  provider: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  route: z.string().min(1).optional(),
  stream: z.enum(['true', 'false']).optional(),
});

/** What `GET /performance` was asked for. */
export interface PerformanceQuery {
  provider?: string;
  /** The model as its provider names it (`provider/model` in the query pins the provider too). */
  model?: string;
  route?: string;
  /** Score speed by time to first token (streams) rather than full-answer latency. */
  isStream: boolean;
}

/**
 * The query string of `GET /performance`: `provider`, `model` (`provider/model` pins both), `route`
 * (scores as that route's selector sees its targets) and `stream` (`true`: speed is time to first
 * token). Anything else is a 400 naming it.
 */
export function parsePerformanceQuery(query: unknown, providerNames: readonly string[]): PerformanceQuery {
  const result = performanceQuerySchema.safeParse(query ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const param = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '');
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter: '${param}'.`
        : issue.code === 'invalid_type'
          ? `Invalid '${param}': give it once.`
          : `Invalid '${param}': ${param === 'stream' ? "give 'true' or 'false'" : issue.message}.`;
    throw new ApiError(400, 'invalid_request_error', message, { code: 'invalid_value', param });
  }
  const { provider, model, route, stream } = result.data;
  const parsed: PerformanceQuery = { provider, model, route, isStream: stream === 'true' };
  const slash = model?.indexOf('/') ?? -1;
  if (model && slash > 0 && providerNames.includes(model.slice(0, slash))) {
    parsed.provider = model.slice(0, slash);
    parsed.model = model.slice(slash + 1);
  }
  return parsed;
}
