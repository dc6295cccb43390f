import type { ApiError } from '../api-error.js';

/** Anthropic's error types by status (PROVIDERS.md §5.7), which its SDK maps to typed exceptions. */
export function getAnthropicErrorType(status: number): string {
  switch (status) {
    case 400:
    case 415:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 402:
      return 'billing_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 503:
    case 529:
      return 'overloaded_error';
    case 504:
      return 'timeout_error';
    default:
      return 'api_error';
  }
}

/** Anthropic's error envelope: `{"type":"error","error":{"type","message"},"request_id"}`. */
export function renderAnthropicError(error: ApiError, requestId: string): string {
  return JSON.stringify({
    type: 'error',
    error: { type: getAnthropicErrorType(error.status), message: error.message },
    request_id: requestId,
  });
}

/**
 * The status to answer with in Anthropic's format: an overloaded upstream is Anthropic's own 529, which
 * its SDK retries as such.
 */
export function getAnthropicStatus(error: ApiError): number {
  return error.code === 'upstream_overloaded' ? 529 : error.status;
}
