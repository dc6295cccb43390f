import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { parseJSONOrUndefined } from '../../lib/http-request.js';
import { parseDurationMs, parseRetryAfterMs, type HeaderRecord } from '../../lib/parse-retry-after.js';
import { isObject, type GeminiErrorBody } from './gemini-api.js';

const detailType = 'type.googleapis.com/google.rpc.';
/** "The input token count (1048577) exceeds the maximum number of tokens allowed (1048576)." */
const contextLengthPattern = /token count.*exceeds|exceeds the maximum number of tokens|too many tokens/i;

export interface GeminiErrorInput {
  provider: ProviderId;
  status: number;
  headers: HeaderRecord;
  bodyText: string;
  /** The key used for the call: removed from the message should the upstream ever echo it. */
  apiKey?: string;
}

/**
 * A failed Gemini response as a ProviderError. Reads the Google RPC envelope (also wrapped in an array,
 * as the non-SSE stream endpoint sends it) and its typed `details`: `ErrorInfo.reason` `API_KEY_*` is an
 * auth failure even though Google sends it as 400 INVALID_ARGUMENT (fixture error-400-api-key-invalid.json);
 * a 429 whose `QuotaFailure` names a per-day quota is `quota` (it will not clear soon, §9), any other
 * 429 is `rate-limited` with `retryAfterMs` from `RetryInfo.retryDelay` ("34.4s", fixture
 * error-429-resource-exhausted.json).
 * @see ../../../../shared/protocols/PROVIDERS.md §6.5 and §9.
 */
export function convertGeminiError(input: GeminiErrorInput): ProviderError {
  const { provider, status, headers } = input;
  const parsed = parseJSONOrUndefined(input.bodyText);
  const body = (Array.isArray(parsed) ? parsed[0] : parsed) as GeminiErrorBody | undefined;
  const error: NonNullable<GeminiErrorBody['error']> =
    isObject(body) && isObject(body.error) ? body.error : {};
  const details = Array.isArray(error.details) ? error.details.filter(isObject) : [];
  const detail = (name: string) => details.find((item) => item['@type'] === detailType + name);
  let message =
    (typeof error.message === 'string' && error.message) || input.bodyText.slice(0, 300) || `HTTP ${status}`;
  if (input.apiKey) message = message.split(input.apiKey).join('[redacted]');
  const reasonValue = detail('ErrorInfo')?.reason;
  const reason = typeof reasonValue === 'string' ? reasonValue : undefined;
  const quotaIds = getQuotaIds(detail('QuotaFailure'));
  const retryDelay = detail('RetryInfo')?.retryDelay;
  const rpcStatus = typeof error.status === 'string' ? error.status : undefined;
  const kind = getErrorKind(status, rpcStatus, reason, {
    message,
    isPerDayQuota: quotaIds.some((quotaId) => quotaId.includes('PerDay')),
  });
  return new ProviderError({
    kind,
    provider,
    status,
    message,
    code: reason ?? rpcStatus,
    param: getFirstFieldViolation(detail('BadRequest')),
    retryAfterMs:
      kind === 'quota'
        ? undefined
        : ((typeof retryDelay === 'string' ? parseDurationMs(retryDelay) : undefined) ??
          parseRetryAfterMs(headers)),
  });
}

function getErrorKind(
  status: number,
  rpcStatus: string | undefined,
  reason: string | undefined,
  context: { message: string; isPerDayQuota: boolean },
): ProviderErrorKind {
  if (reason?.startsWith('API_KEY_')) return 'auth';
  if (status === 429 || rpcStatus === 'RESOURCE_EXHAUSTED') {
    return context.isPerDayQuota ? 'quota' : 'rate-limited';
  }
  if (status === 400 && contextLengthPattern.test(context.message)) return 'context-length';
  switch (status) {
    case 401:
    case 403:
      return 'auth';
    case 404:
      return 'not-found';
    case 408:
    case 504:
      return 'timeout';
    case 503:
      return 'overloaded';
    default:
      return status >= 500 ? 'server' : 'bad-request';
  }
}

function getQuotaIds(quotaFailure: Record<string, unknown> | undefined): string[] {
  const violations = quotaFailure?.violations;
  if (!Array.isArray(violations)) return [];
  return violations.flatMap((violation: unknown) =>
    isObject(violation) && typeof violation.quotaId === 'string' ? [violation.quotaId] : [],
  );
}

function getFirstFieldViolation(badRequest: Record<string, unknown> | undefined): string | undefined {
  const violations = badRequest?.fieldViolations;
  const first: unknown = Array.isArray(violations) ? violations[0] : undefined;
  return isObject(first) && typeof first.field === 'string' ? first.field : undefined;
}
