import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { header, parseRetryAfterMs, type HeaderRecord } from '../../lib/parse-retry-after.js';
import { parseJSONOrUndefined } from '../../lib/http-request.js';
import { isObject, type OpenAICompatibleErrorBody } from './openai-compatible-api.js';

const contextLengthPattern =
  /context[_ ]length|context window|maximum context|too many tokens|prompt is too long/i;

/**
 * A failed response from an OpenAI-compatible host, as a ProviderError. Reads OpenAI's envelope and its
 * variants (Azure's string `code`, OpenRouter's numeric `code`, bare `{message}` or `{detail}` bodies).
 * @see ../../../../shared/protocols/PROVIDERS.md §2.6, §3, §4.3 and §9.
 */
export function convertOpenAICompatibleError(options: {
  provider: ProviderId;
  status: number;
  headers: HeaderRecord;
  bodyText: string;
}): ProviderError {
  const { provider, status, headers } = options;
  const parsed = parseJSONOrUndefined(options.bodyText);
  const body: OpenAICompatibleErrorBody = isObject(parsed) ? parsed : {};
  const error = isObject(body.error) ? body.error : undefined;
  const message =
    (typeof body.error === 'string' ? body.error : undefined) ??
    error?.message ??
    body.message ??
    (typeof body.detail === 'string' ? body.detail : undefined) ??
    (options.bodyText.slice(0, 300) || `HTTP ${status}`);
  const code = error?.code === undefined || error.code === null ? undefined : String(error.code);
  const type = error?.type ?? undefined;
  const kind = getErrorKind(status, code, type, message, error?.metadata);
  const shouldRetry = header(headers, 'x-should-retry');
  return new ProviderError({
    kind,
    provider,
    status,
    message,
    code: code ?? type,
    param: error?.param ?? undefined,
    retryAfterMs: parseRetryAfterMs(headers) ?? parseRetryAfterFromMessage(message),
    retryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
  });
}

function getErrorKind(
  status: number,
  code: string | undefined,
  type: string | undefined,
  message: string,
  metadata: unknown,
): ProviderErrorKind {
  if (code === 'insufficient_quota' || type === 'insufficient_quota') return 'quota';
  if (code === 'context_length_exceeded' || (status === 400 && contextLengthPattern.test(message))) {
    return 'context-length';
  }
  if (code === 'content_filter' || code === 'content_policy_violation') return 'content-filter';
  if (status === 403 && isObject(metadata) && 'reasons' in metadata) return 'content-filter'; // OpenRouter moderation
  switch (status) {
    case 401:
    case 403:
      return 'auth';
    case 402:
      return 'quota';
    case 404:
      return 'not-found';
    case 408:
      return 'timeout';
    case 429:
      return 'rate-limited';
    case 503:
    case 529:
      return 'overloaded';
    default:
      if (status === 409 || status >= 500) return 'server';
      return 'bad-request';
  }
}

/** Azure writes "Please retry after N seconds" or "Try again in N seconds" into 429 messages. */
function parseRetryAfterFromMessage(message: string): number | undefined {
  const match = /(?:retry after|try again in) (\d+(?:\.\d+)?) seconds?/i.exec(message);
  return match ? Math.ceil(Number(match[1]) * 1000) : undefined;
}
