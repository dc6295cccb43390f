import type { LimitAdjustment, LimitCounter, LimitReservation, LimitStore } from '../store/limit-store.js';
import type { GatewayPrincipal } from './gateway-principal.js';
import { describeQuotaRefusal } from './describe-quota-refusal.js';
import { TenancyError } from './tenancy-error.js';

/** What one HTTP request asks of its key's limits, estimated before anything is sent upstream. */
export interface Demand {
  /** Requests it counts as: 1, or a batch's items. */
  requests: number;
  /** Estimated input tokens, all requests together. */
  inputTokens: number;
  /** Output tokens reserved (`max_tokens`, else the default), all requests together. */
  outputTokens: number;
  /** The most the answer can cost at the dearest target's prices. */
  costInUsd: number;
  /** How many finished requests will settle it; the estimate is released after the last. */
  settlements: number;
}

/** What one finished request really used. */
export interface Settlement {
  tokens: number;
  costInUsd: number;
}

/** A reservation held by one HTTP request until it settles with real usage. */
export interface Admission {
  /** Every counter after the reservation, in the order requests, tokens, day budget, month budget. */
  readonly counters: readonly LimitCounter[];
  /** Input tokens estimated per request, for settling an answer that came without usage. */
  readonly inputTokensPerRequest: number;
  /** Adds one finished request's real tokens and cost; after the last one, the estimate is released. */
  settle(actual: Settlement): void;
  /** Releases the estimate if the settlements did not (the response closed without them all). */
  finish(): void;
  /** Undoes the whole reservation, the request count included: the request never ran. */
  cancel(): void;
}

/** What a key has used in its current windows. */
export interface KeyUsage {
  requestsThisHour: number;
  tokensToday: number;
  costTodayInUsd: number;
  costThisMonthInUsd: number;
}

/** A key's spending against one of its dollar budgets, as an admission left it (alerts watch it). */
export interface BudgetUsage {
  keyId: string;
  plan: string;
  /** Whose budget it is: the key's own, or the one its plan gives every key. */
  owner: 'key' | 'plan';
  window: 'day' | 'month';
  /** Unix ms when the window started, so a threshold alerts once per window. */
  windowStart: number;
  usedInUsd: number;
  limitInUsd: number;
}

export interface AdmissionControl {
  /** Reserves the demand on every limit at once, or throws a TenancyError naming the limit. */
  admit(principal: GatewayPrincipal, demand: Demand, now: number): Promise<Admission>;
  readUsage(keyId: string, now: number): Promise<KeyUsage>;
}

/** Counters hold whole numbers: dollars are counted in billionths, the precision costs are rounded to. */
const nanoPerUsd = 1e9;
const toNano = (usd: number): number => Math.round(usd * nanoPerUsd);
/** Unlimited counters still count, so the admin API can show what a key used. */
const unlimited = Number.MAX_SAFE_INTEGER;

/**
 * Per-key limits on a LimitStore: requests per UTC hour, tokens per UTC day, dollars per UTC day and
 * month. A request reserves its estimate on all of them in one atomic step before any upstream call;
 * its finished requests settle with real usage, and the estimate is then given back.
 * @example const admission = await control.admit(principal, demand, clock.now()); admission.settle(actual);
 */
export function createAdmissionControl(options: {
  store: LimitStore;
  /** Told when a settlement could not be written. */
  onError: (error: unknown, message: string) => void;
  /** Told of each limited dollar budget after an admission or a refusal by it; must return at once. */
  onBudgetUsage?: (usage: BudgetUsage) => void;
}): AdmissionControl {
  const { store, onError } = options;
  const reportBudgets = (principal: GatewayPrincipal, counters: readonly LimitCounter[]): void => {
    if (!options.onBudgetUsage) return;
    const budgets = [principal.limits.budgetPerDayInUsd, principal.limits.budgetPerMonthInUsd];
    for (const [index, window] of (['day', 'month'] as const).entries()) {
      const counter = counters[2 + index];
      const limitInUsd = budgets[index];
      if (counter === undefined || limitInUsd === undefined) continue;
      options.onBudgetUsage({
        keyId: principal.keyId,
        plan: principal.plan,
        owner: principal.limits.budgetOwner[window],
        window,
        windowStart: counter.windowStart,
        // A refused counter did not take the amount; the attempt to spend past the budget still counts.
        usedInUsd: counter.isAllowed ? counter.used / nanoPerUsd : limitInUsd,
        limitInUsd,
      });
    }
  };

  const adjust = (adjustments: LimitAdjustment[]): void => {
    const changes = adjustments.filter((adjustment) => adjustment.delta !== 0);
    if (changes.length === 0) return;
    store.adjust(changes).catch((error: unknown) => onError(error, 'settling a usage limit failed'));
  };

  return {
    async admit(principal, demand, now) {
      const { limits, keyId } = principal;
      const tokens = demand.inputTokens + demand.outputTokens;
      const cost = toNano(demand.costInUsd);
      const reservations: LimitReservation[] = [
        {
          key: `${keyId}/requests`,
          window: 'hour',
          amount: demand.requests,
          limit: limits.requestsPerHour ?? unlimited,
        },
        { key: `${keyId}/tokens`, window: 'day', amount: tokens, limit: limits.tokensPerDay ?? unlimited },
        { key: `${keyId}/usd`, window: 'day', amount: cost, limit: toLimit(limits.budgetPerDayInUsd) },
        { key: `${keyId}/usd`, window: 'month', amount: cost, limit: toLimit(limits.budgetPerMonthInUsd) },
      ];
      const result = await store.reserve(reservations, now);
      reportBudgets(principal, result.counters);
      if (!result.isAllowed) {
        const amounts = reservations.map((reservation) => reservation.amount);
        const refusal = describeQuotaRefusal(principal, amounts, result);
        throw new TenancyError('quota-exceeded', refusal.message, {
          limit: refusal.limit,
          retryAfterMs: result.retryAfterMs,
          counters: result.counters,
        });
      }
      const [requestCounter, tokenCounter, dayCounter, monthCounter] = result.counters as [
        LimitCounter,
        LimitCounter,
        LimitCounter,
        LimitCounter,
      ];
      const at = (counter: LimitCounter, delta: number): LimitAdjustment => ({
        key: counter.key,
        window: counter.window,
        windowStart: counter.windowStart,
        delta,
      });
      let settled = 0;
      let isReleased = false;
      const release = (): LimitAdjustment[] => {
        isReleased = true;
        return [at(tokenCounter, -tokens), at(dayCounter, -cost), at(monthCounter, -cost)];
      };
      return {
        counters: result.counters,
        inputTokensPerRequest: Math.ceil(demand.inputTokens / Math.max(1, demand.requests)),
        settle(actual) {
          settled++;
          const spent = toNano(actual.costInUsd);
          const used = [at(tokenCounter, actual.tokens), at(dayCounter, spent), at(monthCounter, spent)];
          const isLast = settled >= demand.settlements && !isReleased;
          adjust(isLast ? merge(used, release()) : used);
        },
        finish() {
          if (!isReleased) adjust(release());
        },
        cancel() {
          if (!isReleased) adjust([at(requestCounter, -demand.requests), ...release()]);
        },
      };
    },

    async readUsage(keyId, now) {
      const [requests, tokens, costToday, costThisMonth] = await Promise.all([
        store.read(`${keyId}/requests`, 'hour', now),
        store.read(`${keyId}/tokens`, 'day', now),
        store.read(`${keyId}/usd`, 'day', now),
        store.read(`${keyId}/usd`, 'month', now),
      ]);
      return {
        requestsThisHour: requests,
        tokensToday: tokens,
        costTodayInUsd: costToday / nanoPerUsd,
        costThisMonthInUsd: costThisMonth / nanoPerUsd,
      };
    },
  };
}

function toLimit(budgetInUsd: number | undefined): number {
  return budgetInUsd === undefined ? unlimited : toNano(budgetInUsd);
}

/** Adds the deltas of the same counter, so a settlement is one store call with one change per counter. */
function merge(first: LimitAdjustment[], second: LimitAdjustment[]): LimitAdjustment[] {
  return first.map((adjustment, index) => ({
    ...adjustment,
    delta: adjustment.delta + second[index]!.delta,
  }));
}
