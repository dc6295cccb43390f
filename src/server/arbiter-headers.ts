import type { CacheStatus } from '../cache/cache-directive.js';
import type { AttemptRecord } from '../routing/attempt-record.js';
import type { Target } from '../routing/target.js';

/**
 * The headers that tell a caller what happened (DESIGN.md §4). `x-arbiter-cache` is there only while the
 * response cache is on; on a hit the provider and model are those of the cached answer, with 0 attempts.
 */
export function getArbiterHeaders(
  requestId: string,
  target: Target,
  attempts: readonly AttemptRecord[],
  cache?: CacheStatus,
): Record<string, string> {
  return {
    'x-request-id': requestId,
    'x-arbiter-request-id': requestId,
    'x-arbiter-provider': target.provider,
    'x-arbiter-model': target.model,
    // Targets the health checks passed over are in the log line's trail, not counted as attempts.
    'x-arbiter-attempts': String(attempts.filter((attempt) => attempt.skipped === undefined).length),
    ...(cache ? { 'x-arbiter-cache': cache } : {}),
  };
}
