import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { parseJSONOrUndefined } from '../../lib/http-request.js';
import { header, parseRetryAfterMs, type HeaderRecord } from '../../lib/parse-retry-after.js';
import {
  bingErrorResponseSchema,
  braveErrorResponseSchema,
  searxngErrorResponseSchema,
} from './search-api.js';
import type { SearchBackend } from './search-config.js';

export interface SearchErrorResponse {
  provider: ProviderId;
  backend: SearchBackend;
  status: number;
  headers: HeaderRecord;
  bodyText: string;
}

/** What each backend's failure amounts to; the message names the backend. */
type SearchErrorDetails = Pick<ProviderError, 'kind' | 'message'> &
  Partial<Pick<ProviderError, 'code' | 'param' | 'retryAfterMs'>>;

/**
 * A failed search call as a ProviderError, read from each backend's own envelope. Retry hints come
 * from `Retry-After`; search APIs are retried like the rest (PROVIDERS.md §9, last column).
 */
export function convertSearchError(response: SearchErrorResponse): ProviderError {
  const body = parseJSONOrUndefined(response.bodyText);
  const details =
    response.backend === 'bing'
      ? convertBingError(response, body)
      : response.backend === 'brave'
        ? convertBraveError(response, body)
        : convertSearxngError(response, body);
  return new ProviderError({
    provider: response.provider,
    status: response.status,
    retryAfterMs: parseRetryAfterMs(response.headers),
    ...details,
    message: `${response.backend}: ${details.message}`,
  });
}

/** Bing's `ErrorResponse` (PROVIDERS.md §8.1): 403 is either a key without access or the monthly quota. */
function convertBingError(response: SearchErrorResponse, body: unknown): SearchErrorDetails {
  const error = bingErrorResponseSchema.safeParse(body).data?.errors?.[0];
  const code = error?.code ?? undefined;
  const text = [error?.message, error?.moreDetails].filter(Boolean).join(' ');
  const codes = [error?.code, error?.subCode].filter(Boolean).join('/');
  const message = text ? `${text}${codes ? ` (${codes})` : ''}` : `Bing answered HTTP ${response.status}`;
  const param = error?.parameter ?? undefined;
  if (response.status === 403) {
    const isQuota = code === 'RateLimitExceeded' || /quota/i.test(text);
    return { kind: isQuota ? 'quota' : 'auth', message, code };
  }
  if (response.status === 410) {
    return {
      kind: 'bad-request',
      code,
      message: `${message}; Bing answers 410 to plain HTTP (use https), and Microsoft retired the Bing Search APIs in August 2025: point SEARCH_BASE_URL at a compatible service`,
    };
  }
  return { kind: getSearchErrorKind(response.status), message, code, param };
}

/**
 * Brave's `ErrorResponse` (PROVIDERS.md §8.2, fixture web-search/brave-error-429-rate-limited.json): a
 * 429 is a quota, not worth retrying, once `quota_current` reached `quota_limit`; otherwise the per-second
 * window resets within about a second.
 */
function convertBraveError(response: SearchErrorResponse, body: unknown): SearchErrorDetails {
  const error = braveErrorResponseSchema.safeParse(body).data?.error;
  const code = error?.code ?? undefined;
  const meta = error?.meta;
  const message = error?.detail
    ? `${error.detail}${code ? ` (${code})` : ''}`
    : `Brave answered HTTP ${response.status}`;
  if (response.status === 429) {
    const isQuota =
      typeof meta?.quota_current === 'number' &&
      typeof meta.quota_limit === 'number' &&
      meta.quota_current >= meta.quota_limit;
    if (isQuota) return { kind: 'quota', message, code };
    return {
      kind: 'rate-limited',
      message,
      code,
      retryAfterMs: parseRetryAfterMs(response.headers) ?? getBraveResetMs(response.headers) ?? 1000,
    };
  }
  if (code === 'SUBSCRIPTION_TOKEN_INVALID') return { kind: 'auth', message, code };
  const location = meta?.errors?.[0]?.loc;
  const param = location && location.length > 0 ? String(location.at(-1)) : undefined;
  return { kind: getSearchErrorKind(response.status), message, code, param };
}

/** Brave's `X-RateLimit-Reset: 1, 1419704`: seconds until the per-second and per-month windows reset. */
function getBraveResetMs(headers: HeaderRecord): number | undefined {
  const seconds = Number((header(headers, 'x-ratelimit-reset') ?? '').split(',')[0]);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * SearXNG (PROVIDERS.md §8.4) answers 403 when JSON output is not enabled in its settings, or when a
 * proxy in front of it wants credentials; 429 comes from its bot limiter, which public instances run.
 */
function convertSearxngError(response: SearchErrorResponse, body: unknown): SearchErrorDetails {
  const error = searxngErrorResponseSchema.safeParse(body).data?.error ?? undefined;
  switch (response.status) {
    case 403:
      return {
        kind: 'auth',
        code: 'searxng_json_disabled',
        message:
          'SearXNG refused the request (403): enable JSON output by adding `json` to `search.formats` in its ' +
          'settings.yml (e.g. `formats: [html, json]`), or let Arbiter through the proxy in front of it',
      };
    case 429:
      return {
        kind: 'rate-limited',
        message:
          'SearXNG rate-limited the request (429): its bot limiter is on; point SEARXNG_URL at your own ' +
          'instance, or turn `server.limiter` off there',
      };
    default:
      return {
        kind: getSearchErrorKind(response.status),
        message: error ?? `SearXNG answered HTTP ${response.status}`,
      };
  }
}

function getSearchErrorKind(status: number): ProviderErrorKind {
  switch (status) {
    case 401:
    case 403:
      return 'auth';
    case 404:
      return 'not-found';
    case 408:
      return 'timeout';
    case 429:
      return 'rate-limited';
    case 503:
      return 'overloaded';
    default:
      return status >= 500 ? 'server' : 'bad-request';
  }
}
