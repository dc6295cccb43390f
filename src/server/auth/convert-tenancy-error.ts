import type { QuotaLimit, TenancyError } from '../../security/tenancy-error.js';
import { ApiError } from '../api-error.js';
import { getRateLimitHeaders } from './get-rate-limit-headers.js';

const quotaCodes: Readonly<Record<QuotaLimit, string>> = {
  'requests-per-hour': 'requests_per_hour_exceeded',
  'tokens-per-day': 'tokens_per_day_exceeded',
  'budget-per-day': 'budget_per_day_exceeded',
  'budget-per-month': 'budget_per_month_exceeded',
};

/** A refusal by the tenancy layer as the caller gets it (codes in docs/errors.md). */
export function convertTenancyError(error: TenancyError): ApiError {
  const { details } = error;
  const retryAfter = (): Record<string, string> =>
    details.retryAfterMs === undefined
      ? {}
      : { 'retry-after': String(Math.max(1, Math.ceil(details.retryAfterMs / 1000))) };
  switch (error.kind) {
    case 'missing-key':
      return new ApiError(401, 'invalid_request_error', error.message, { code: 'missing_api_key' });
    case 'invalid-key':
      return new ApiError(401, 'invalid_request_error', error.message, { code: 'invalid_api_key' });
    case 'admin-disabled':
      return new ApiError(403, 'permission_error', error.message, { code: 'admin_api_disabled' });
    case 'model-not-allowed':
      return new ApiError(403, 'permission_error', error.message, {
        code: 'model_not_allowed',
        param: 'model',
      });
    case 'unknown-plan':
      return new ApiError(403, 'permission_error', error.message, { code: 'unknown_plan' });
    case 'quota-exceeded':
      return new ApiError(429, 'rate_limit_error', error.message, {
        code: quotaCodes[details.limit ?? 'requests-per-hour'],
        headers: { ...retryAfter(), ...getRateLimitHeaders(details.counters ?? [], Date.now()) },
      });
    case 'gateway-saturated':
      return new ApiError(503, 'service_unavailable', error.message, {
        code: 'gateway_saturated',
        headers: retryAfter(),
      });
    case 'limits-unavailable':
      return new ApiError(503, 'service_unavailable', error.message, {
        code: 'limits_unavailable',
        headers: retryAfter(),
      });
    case 'not-found':
      return new ApiError(404, 'invalid_request_error', error.message, {
        code: 'not_found',
        param: details.param,
      });
    case 'conflict':
      return new ApiError(409, 'invalid_request_error', error.message, { code: 'conflict' });
    case 'invalid-request':
      return new ApiError(400, 'invalid_request_error', error.message, {
        code: 'invalid_value',
        param: details.param,
      });
    default: {
      const _exhaustiveCheck: never = error.kind;
      throw new Error(`Unknown tenancy error ${String(_exhaustiveCheck)}`);
    }
  }
}
