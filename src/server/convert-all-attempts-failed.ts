import type { ProviderError } from '../spec/provider-error.js';
import type { AllAttemptsFailedError } from '../routing/all-attempts-failed-error.js';
import type { AttemptRecord } from '../routing/attempt-record.js';
import { ApiError } from './api-error.js';
import { convertProviderError, rateLimited } from './convert-provider-error.js';

export interface FailureContext {
  redact: (text: string) => string;
  /** Concrete next steps for the operator (which variable, which server), from the attempts. */
  suggestFixes?: (attempts: readonly AttemptRecord[]) => string[];
}

/**
 * One answer for a request every target failed: each attempt (target, error kind, status, latency) and
 * skip listed, concrete suggestions appended, and a status that fits — the single failure's own when there
 * was one kind of failure, 429 with the earliest `retry-after` when every target was rate limited, 503
 * when nothing could even be tried, 502 otherwise.
 */
export function convertAllAttemptsFailed(error: AllAttemptsFailedError, context: FailureContext): ApiError {
  const failed = error.attempts.filter(
    (attempt): attempt is AttemptRecord & { error: ProviderError } => attempt.error !== undefined,
  );
  const skipped = error.attempts.filter((attempt) => attempt.skipped !== undefined);
  const suggestions = context.suggestFixes?.(error.attempts) ?? [];
  const advice = suggestions.length > 0 ? ` Suggestions: ${suggestions.join(' ')}` : '';
  const last = failed.at(-1);
  if (!last) {
    const reasons = skipped
      .map((attempt) => `${attempt.targetId.split('@')[0]}: ${attempt.skipped}`)
      .join('; ');
    return new ApiError(
      503,
      'service_unavailable',
      `No target of "${error.route}" could be tried${reasons ? ` (${reasons})` : ''}.${advice}`,
      { code: 'no_healthy_targets' },
    );
  }
  if (failed.length === 1 && skipped.length === 0) {
    return convertProviderError(
      last.error,
      `${last.provider}: ${context.redact(last.error.message)}${advice}`,
    );
  }
  const summary = error.attempts
    .map((attempt) =>
      attempt.skipped
        ? `${attempt.targetId.split('@')[0]} skipped (${attempt.skipped})`
        : `${attempt.targetId.split('@')[0]} → ${attempt.errorKind}${attempt.status ? ` (${attempt.status})` : ''} after ${attempt.latencyInMs} ms${attempt.error ? `: ${context.redact(attempt.error.message)}` : ''}`,
    )
    .join('; ');
  const message = `All ${error.attempts.length} attempts for "${error.route}" failed: ${summary}.${advice}`;
  const kinds = new Set(failed.map((attempt) => attempt.error.kind));
  const waits = failed
    .map((attempt) => attempt.error.retryAfterMs)
    .filter((wait): wait is number => wait !== undefined);
  if ([...kinds].every((kind) => kind === 'rate-limited'))
    return rateLimited(message, waits.length > 0 ? Math.min(...waits) : undefined);
  if (kinds.size === 1) return convertProviderError(last.error, message);
  return new ApiError(502, 'upstream_error', message, { code: 'all_attempts_failed' });
}
