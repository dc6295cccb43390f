import { randomUUID } from 'node:crypto';
import type { SimulatedFailure } from '../simulated-answer.js';
import {
  braveQuotaPerMonth,
  braveRateLimitPerSecond,
  getBraveRateLimitHeaders,
} from './brave-rate-limits.js';
import type { RenderedSearchAnswer } from './send-search-answer.js';

/**
 * Brave's `ErrorResponse` envelope, as fixture web-search/brave-error-429-rate-limited.json: a 429 is
 * the per-second limit unless `quota_current` reached `quota_limit`; a bad token is 401, a missing or
 * invalid parameter 422.
 */
export function renderBraveError(
  failure: SimulatedFailure,
  invalid: { name: string; message: string; input: string | null } = {
    name: 'q',
    message: 'Field required',
    input: null,
  },
): RenderedSearchAnswer {
  const error = (
    status: number,
    code: string,
    detail: string,
    meta: Record<string, unknown>,
    headers: string[] = [],
  ) => ({
    status,
    body: JSON.stringify({
      type: 'ErrorResponse',
      error: { id: randomUUID(), status, detail, meta, code },
      time: Math.floor(Date.now() / 1000),
    }),
    headers,
  });
  const limits = (rateCurrent: number, quotaCurrent: number) => ({
    plan: 'Free',
    rate_limit: braveRateLimitPerSecond,
    rate_current: rateCurrent,
    quota_limit: braveQuotaPerMonth,
    quota_current: quotaCurrent,
    org_rate_limit: null,
    org_rate_current: 0,
    component: 'rate_limiter',
  });
  switch (failure.kind) {
    case 'missing-key':
    case 'invalid-key':
      return error(401, 'SUBSCRIPTION_TOKEN_INVALID', 'The provided subscription token is invalid.', {
        component: 'authentication',
      });
    case 'quota':
      return error(
        429,
        'RATE_LIMITED',
        'Request quota limit exceeded for plan',
        limits(0, braveQuotaPerMonth),
        getBraveRateLimitHeaders({ perSecond: 1, perMonth: 0 }),
      );
    case 'rate-limited':
      return error(
        429,
        'RATE_LIMITED',
        'Request rate limit exceeded for plan',
        limits(braveRateLimitPerSecond, 15),
        getBraveRateLimitHeaders(
          { perSecond: 0, perMonth: braveQuotaPerMonth - 15 },
          failure.retryAfterSeconds ?? 1,
        ),
      );
    case 'bad-request':
      return error(422, 'VALIDATION', 'Unable to validate request parameter(s)', {
        errors: [
          {
            type: invalid.input === null ? 'missing' : 'value_error',
            loc: ['query', invalid.name],
            msg: invalid.message,
            input: invalid.input,
          },
        ],
      });
    default:
      return error(500, 'INTERNAL_ERROR', 'An unexpected error occurred, please try again later.', {
        component: 'search',
      });
  }
}
