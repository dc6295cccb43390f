import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { parseJSONOrUndefined } from '../../lib/http-request.js';
import { parseRetryAfterMs, type HeaderRecord } from '../../lib/parse-retry-after.js';
import { isObject } from './ollama-api.js';

const contextLengthPattern = /context length|context window|exceeds the context/i;
const missingModelPattern = /model ["']([^"']+)["'] not found/;

/**
 * A failed Ollama response (or a `{"error": ...}` line mid-stream, passed with status 500) as a
 * ProviderError. The body is `{"error": "<message>"}` (PROVIDERS.md §7.3): 400 bad request, 404 model not
 * pulled, 429 rate limit (ollama.com), 500/502 runner or cloud failures, 503 a full queue ("server busy").
 * A missing model gets a message that says how to fix it: `ollama pull <model>`.
 */
export function convertOllamaError(options: {
  provider: ProviderId;
  status: number;
  headers: HeaderRecord;
  bodyText: string;
}): ProviderError {
  const { provider, status } = options;
  const parsed = parseJSONOrUndefined(options.bodyText);
  const error = isObject(parsed) ? parsed.error : undefined;
  const upstreamMessage =
    typeof error === 'string'
      ? error
      : isObject(error) && typeof error.message === 'string'
        ? error.message
        : options.bodyText.trim().slice(0, 300) || `HTTP ${status}`;
  const kind = getErrorKind(status, upstreamMessage);
  const missingModel = missingModelPattern.exec(upstreamMessage)?.[1];
  const message =
    missingModel === undefined
      ? upstreamMessage
      : `${provider} does not have the model "${missingModel}": run \`ollama pull ${missingModel}\` on the Ollama host (${upstreamMessage})`;
  return new ProviderError({
    kind,
    provider,
    status,
    message,
    retryAfterMs: parseRetryAfterMs(options.headers),
  });
}

function getErrorKind(status: number, message: string): ProviderErrorKind {
  if (contextLengthPattern.test(message) && status < 500) return 'context-length';
  switch (status) {
    case 401:
    case 403:
      return 'auth';
    case 404:
      return 'not-found';
    case 408:
    case 504:
      return 'timeout';
    case 429:
      return 'rate-limited';
    case 503:
      return 'overloaded';
    default:
      return status >= 500 ? 'server' : 'bad-request';
  }
}
