import type { ProviderError } from '../spec/provider-error.js';
import { ApiError } from './api-error.js';

/** Status for one upstream failure: the caller's fault stays 4xx, the upstream's becomes 502/503/504. */
export function convertProviderError(error: ProviderError, message: string): ApiError {
  switch (error.kind) {
    case 'rate-limited':
      return rateLimited(message, error.retryAfterMs);
    case 'quota':
      return new ApiError(429, 'insufficient_quota', message, { code: 'insufficient_quota' });
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

export function rateLimited(message: string, retryAfterMs: number | undefined): ApiError {
  return new ApiError(429, 'rate_limit_error', message, {
    code: 'rate_limit_exceeded',
    headers: retryAfterHeaders(retryAfterMs ?? 1000),
  });
}

export function retryAfterHeaders(retryAfterMs: number | undefined): Record<string, string> {
  if (retryAfterMs === undefined) return {};
  return {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    'retry-after-ms': String(Math.ceil(retryAfterMs)),
  };
}
