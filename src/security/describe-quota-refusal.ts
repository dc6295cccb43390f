import type { LimitReservationResult } from '../store/limit-store.js';
import type { GatewayPrincipal } from './gateway-principal.js';
import type { QuotaLimit } from './tenancy-error.js';

/** The limits in the order an admission reserves them. */
const limitNames: readonly QuotaLimit[] = [
  'requests-per-hour',
  'tokens-per-day',
  'budget-per-day',
  'budget-per-month',
];

/**
 * The caller's explanation of a refused reservation, naming each limit that refused, whose it is and its
 * value (`requests per hour of plan "free" (60)`, `budget per day of key key_3f9a ($2.5)`), and when
 * trying again can succeed: once every refusing window has started again. `amounts` are what was asked
 * of each counter; `limit` is the first refusing one, for the error code.
 */
export function describeQuotaRefusal(
  principal: GatewayPrincipal,
  amounts: readonly number[],
  result: LimitReservationResult,
): { limit: QuotaLimit; message: string } {
  const { limits } = principal;
  const plan = `plan "${principal.plan}"`;
  const owner = (whose: 'key' | 'plan') => (whose === 'key' ? `key ${principal.keyId}` : plan);
  const names: Record<QuotaLimit, string> = {
    'requests-per-hour': `requests per hour of ${plan} (${limits.requestsPerHour})`,
    'tokens-per-day': `tokens per day of ${plan} (${limits.tokensPerDay})`,
    'budget-per-day': `budget per day of ${owner(limits.budgetOwner.day)} ($${limits.budgetPerDayInUsd})`,
    'budget-per-month': `budget per month of ${owner(limits.budgetOwner.month)} ($${limits.budgetPerMonthInUsd})`,
  };
  const refusing = result.counters.flatMap((counter, index) => (counter.isAllowed ? [] : [index]));
  const limit = limitNames[refusing[0]!]!;
  const tooLarge = refusing.find((index) => amounts[index]! > result.counters[index]!.limit);
  if (tooLarge !== undefined) {
    const name = limitNames[tooLarge]!;
    const size = name === 'tokens-per-day' ? `${amounts[tooLarge]} tokens (input and max_tokens)` : 'more';
    return {
      limit: name,
      message: `This request alone needs an estimated ${size}, more than the whole ${names[name]} allows; lower max_tokens or shorten the request.`,
    };
  }
  const described = refusing.map((index) => {
    const name = limitNames[index]!;
    const counter = result.counters[index]!;
    return name === 'tokens-per-day'
      ? `${names[name]} (${counter.remaining} left, this request needs an estimated ${amounts[index]})`
      : names[name];
  });
  const resetAt = Math.max(...refusing.map((index) => result.counters[index]!.resetAt));
  const retryInSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
  return {
    limit,
    message: `Limit reached for key ${principal.keyId}: ${described.join(' and ')}; it starts again at ${new Date(resetAt).toISOString()} (in ${retryInSeconds} s).`,
  };
}
