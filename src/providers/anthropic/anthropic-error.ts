import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { parseJSONOrUndefined } from '../../lib/http-request.js';
import { header, parseRetryAfterMs, type HeaderRecord } from '../../lib/parse-retry-after.js';
import { isObject, type AnthropicErrorBody, type AnthropicErrorDetail } from './anthropic-api.js';

/** Fixture anthropic/error-400-prompt-too-long.json: "prompt is too long: 205429 tokens > 200000 maximum". */
const contextLengthPattern = /prompt is too long|context window|too many (input )?tokens/i;
/** Anthropic answers an empty prepaid balance with a 400 `invalid_request_error`, not a 402. */
const creditBalancePattern = /credit balance is too low/i;
const contentFilterPattern = /content filtering policy|output blocked/i;

/** What each `error.type` means when no HTTP status says it (mid-stream `event: error`). */
const kindByType: Readonly<Record<string, ProviderErrorKind>> = {
  invalid_request_error: 'bad-request',
  authentication_error: 'auth',
  permission_error: 'auth',
  billing_error: 'quota',
  not_found_error: 'not-found',
  request_too_large: 'bad-request',
  rate_limit_error: 'rate-limited',
  api_error: 'server',
  timeout_error: 'timeout',
  overloaded_error: 'overloaded',
};

/**
 * A failed Messages API response as a ProviderError: 400 `invalid_request_error` (context-length when the
 * prompt is too long, quota when the credit balance is empty), 401/403 auth, 402 billing → quota,
 * 404 not-found, 413 bad-request, 429 rate-limited (a spend-limit 429 is quota), 5xx server, 504 timeout,
 * 529 overloaded. `retry-after` / `anthropic-ratelimit-*-reset` give the wait; `x-should-retry` wins.
 * @see ../../../../shared/protocols/PROVIDERS.md §5.7, §5.8, §9
 */
export function convertAnthropicError(options: {
  provider: ProviderId;
  status: number;
  headers: HeaderRecord;
  bodyText: string;
}): ProviderError {
  const { provider, status, headers } = options;
  const parsed = parseJSONOrUndefined(options.bodyText);
  const detail = isObject(parsed) ? (parsed as AnthropicErrorBody).error : undefined;
  const fallbackMessage = options.bodyText.slice(0, 300) || `HTTP ${status}`;
  const shouldRetry = header(headers, 'x-should-retry');
  return createError(provider, isObject(detail) ? detail : {}, fallbackMessage, {
    status,
    retryAfterMs: parseRetryAfterMs(headers),
    retryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
  });
}

/** A mid-stream `event: error` payload (HTTP status already 200), e.g. fixture stream-midstream-error.sse. */
export function convertAnthropicStreamError(payload: unknown, provider: ProviderId): ProviderError {
  const detail = isObject(payload) && isObject(payload.error) ? (payload.error as AnthropicErrorDetail) : {};
  return createError(provider, detail, `${provider} reported an error in the middle of the stream`, {});
}

/** A request Anthropic cannot express (`n > 1`, audio input): refused before anything is sent. */
export function createAnthropicBadRequest(
  provider: ProviderId,
  message: string,
  param?: string,
): ProviderError {
  return new ProviderError({ kind: 'bad-request', provider, message, param, code: 'unsupported_parameter' });
}

function createError(
  provider: ProviderId,
  detail: AnthropicErrorDetail,
  fallbackMessage: string,
  options: { status?: number; retryAfterMs?: number; retryable?: boolean },
): ProviderError {
  const type = typeof detail.type === 'string' ? detail.type : undefined;
  const message =
    typeof detail.message === 'string' && detail.message !== '' ? detail.message : fallbackMessage;
  const errorCode = isObject(detail.details) ? detail.details.error_code : undefined;
  const code = typeof errorCode === 'string' ? errorCode : type;
  return new ProviderError({
    kind: getErrorKind(options.status, type, message, code),
    provider,
    message,
    status: options.status,
    code,
    retryAfterMs: options.retryAfterMs,
    retryable: options.retryable,
  });
}

function getErrorKind(
  status: number | undefined,
  type: string | undefined,
  message: string,
  code: string | undefined,
): ProviderErrorKind {
  if (code === 'enforced_spend_limit_reached' || creditBalancePattern.test(message)) return 'quota';
  const isInvalidRequest = status === 400 || (status === undefined && type === 'invalid_request_error');
  if (isInvalidRequest && contextLengthPattern.test(message)) return 'context-length';
  if (isInvalidRequest && contentFilterPattern.test(message)) return 'content-filter';
  // The mid-stream fixture says `api_error` with the message "Overloaded".
  if (type === 'overloaded_error' || (type === 'api_error' && /^overloaded$/i.test(message))) {
    return 'overloaded';
  }
  if (status === undefined) return (type !== undefined ? kindByType[type] : undefined) ?? 'server';
  switch (status) {
    case 401:
    case 403:
      return 'auth';
    case 402:
      return 'quota';
    case 404:
      return 'not-found';
    case 408:
    case 504:
      return 'timeout';
    case 429:
      return 'rate-limited';
    case 503:
    case 529:
      return 'overloaded';
    default:
      return status === 409 || status >= 500 ? 'server' : 'bad-request';
  }
}
