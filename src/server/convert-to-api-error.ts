import { isProviderError, type ProviderError } from '../spec/provider-error.js';
import { AllAttemptsFailedError } from '../routing/all-attempts-failed-error.js';
import type { AttemptRecord } from '../routing/attempt-record.js';
import { CallerCancelledError } from '../routing/attempt-context.js';
import { RouteError } from '../routing/route-error.js';
import { ApiError } from './api-error.js';

/**
 * Any error from handling a request, as the answer the caller gets: one mapping point for the whole
 * HTTP surface. Upstream messages pass through `redact`, so a provider echoing a key cannot leak it.
 */
export function convertToApiError(
  error: unknown,
  redact: (text: string) => string,
  bodyLimitInBytes = 0,
): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof CallerCancelledError) {
    // Nobody reads this answer; the status is for the log line (nginx's 499 'client closed request').
    return new ApiError(499, 'cancelled', error.message, { code: 'client_closed_request' });
  }
  if (error instanceof RouteError) {
    const status = error.code === 'model_ambiguous' ? 400 : 404;
    return new ApiError(status, 'invalid_request_error', error.message, { code: error.code, param: 'model' });
  }
  if (error instanceof AllAttemptsFailedError) return convertAllAttemptsFailed(error, redact);
  if (isProviderError(error)) return convertProviderError(error, redact(error.message));
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return convertFastifyError(
      fastifyError.statusCode,
      fastifyError.code,
      fastifyError.message ?? 'bad request',
      bodyLimitInBytes,
    );
  }
  return new ApiError(
    500,
    'server_error',
    'Arbiter failed unexpectedly while handling this request; the error is in the gateway log.',
    { code: 'internal_error' },
  );
}

function convertAllAttemptsFailed(error: AllAttemptsFailedError, redact: (text: string) => string): ApiError {
  const failed = error.attempts.filter(
    (attempt): attempt is AttemptRecord & { error: ProviderError } => attempt.error !== undefined,
  );
  const last = failed.at(-1);
  if (!last)
    return new ApiError(503, 'service_unavailable', `The route "${error.route}" has no target to try.`, {
      code: 'no_targets',
    });
  if (failed.length === 1)
    return convertProviderError(last.error, `${last.provider}: ${redact(last.error.message)}`);
  const summary = failed
    .map(
      (attempt) =>
        `${attempt.targetId.split('@')[0]} → ${attempt.error.kind}${attempt.status ? ` (${attempt.status})` : ''} after ${attempt.latencyInMs} ms: ${redact(attempt.error.message)}`,
    )
    .join('; ');
  const message = `All ${failed.length} attempts for "${error.route}" failed: ${summary}`;
  const kinds = new Set(failed.map((attempt) => attempt.error.kind));
  if (kinds.size === 1) return convertProviderError(last.error, message);
  const waits = failed
    .map((attempt) => attempt.error.retryAfterMs)
    .filter((wait): wait is number => wait !== undefined);
  if ([...kinds].every((kind) => kind === 'rate-limited' || kind === 'quota') && waits.length > 0) {
    return rateLimited(message, Math.min(...waits), 'rate_limit_exceeded');
  }
  return new ApiError(502, 'upstream_error', message, { code: 'all_attempts_failed' });
}

/** Status for one upstream failure: the caller's fault stays 4xx, the upstream's becomes 502/503/504. */
function convertProviderError(error: ProviderError, message: string): ApiError {
  switch (error.kind) {
    case 'rate-limited':
      return rateLimited(message, error.retryAfterMs, 'rate_limit_exceeded');
    case 'quota':
      return new ApiError(429, 'insufficient_quota', message, {
        code: 'insufficient_quota',
        headers: { 'x-should-retry': 'false' },
      });
    case 'bad-request':
      return new ApiError(400, 'invalid_request_error', message, {
        code: error.code ?? 'upstream_rejected_request',
        param: error.param,
      });
    case 'context-length':
      return new ApiError(400, 'invalid_request_error', message, {
        code: 'context_length_exceeded',
        param: 'messages',
      });
    case 'content-filter':
      return new ApiError(400, 'invalid_request_error', message, { code: 'content_filter' });
    case 'not-found':
      return new ApiError(404, 'invalid_request_error', message, { code: 'model_not_found', param: 'model' });
    case 'auth':
      // The upstream refused the gateway's configured key: the caller cannot fix that, the operator can.
      return new ApiError(
        502,
        'upstream_error',
        `${message} (the provider rejected the credentials configured in Arbiter)`,
        { code: 'upstream_auth_failed' },
      );
    case 'overloaded':
      return new ApiError(503, 'service_unavailable', message, {
        code: 'upstream_overloaded',
        headers: retryAfterHeaders(error.retryAfterMs),
      });
    case 'timeout':
      return new ApiError(504, 'timeout_error', message, { code: 'upstream_timeout' });
    case 'server':
    case 'network':
      return new ApiError(502, 'upstream_error', message, {
        code: error.kind === 'network' ? 'upstream_unreachable' : 'upstream_error',
      });
    default: {
      const _exhaustiveCheck: never = error.kind;
      return new ApiError(502, 'upstream_error', `${message} (${String(_exhaustiveCheck)})`);
    }
  }
}

function rateLimited(message: string, retryAfterMs: number | undefined, code: string): ApiError {
  return new ApiError(429, 'rate_limit_error', message, {
    code,
    headers: retryAfterHeaders(retryAfterMs ?? 1000),
  });
}

function retryAfterHeaders(retryAfterMs: number | undefined): Record<string, string> {
  if (retryAfterMs === undefined) return {};
  return {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    'retry-after-ms': String(Math.ceil(retryAfterMs)),
  };
}

function convertFastifyError(
  status: number,
  code: string | undefined,
  message: string,
  bodyLimitInBytes: number,
): ApiError {
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ApiError(
      413,
      'invalid_request_error',
      `The request body is larger than this gateway accepts (${bodyLimitInBytes} bytes); raise ARBITER_MAX_BODY_BYTES to allow more.`,
      { code: 'request_too_large' },
    );
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ApiError(
      415,
      'invalid_request_error',
      'Send the request body as JSON (Content-Type: application/json).',
      { code: 'unsupported_media_type' },
    );
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new ApiError(400, 'invalid_request_error', 'The request body is empty; send a JSON object.', {
      code: 'invalid_body',
    });
  }
  return new ApiError(status, 'invalid_request_error', message, {
    code: code?.toLowerCase() ?? 'bad_request',
  });
}
