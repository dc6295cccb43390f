import type { AttemptRecord } from '../routing/attempt-record.js';
import type { Target } from '../routing/target.js';

/** The headers that tell a caller what happened (DESIGN.md §4). */
export function getArbiterHeaders(
  requestId: string,
  target: Target,
  attempts: readonly AttemptRecord[],
): Record<string, string> {
  return {
    'x-request-id': requestId,
    'x-arbiter-request-id': requestId,
    'x-arbiter-provider': target.provider,
    'x-arbiter-model': target.model,
    'x-arbiter-attempts': String(attempts.length),
  };
}
