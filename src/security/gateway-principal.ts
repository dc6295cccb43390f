import type { GatewayKeyRecord, PlanRecord } from '../store/gateway-key-store.js';

/** What a key may do: its plan's limits, with the key's own budgets and models over them. */
export interface KeyLimits {
  requestsPerHour?: number;
  tokensPerDay?: number;
  budgetPerDayInUsd?: number;
  budgetPerMonthInUsd?: number;
  /** Whose each budget is, for messages: the key's own, or its plan's. */
  budgetOwner: { day: 'key' | 'plan'; month: 'key' | 'plan' };
  /** Route names, `provider/model` patterns and `@cheap`; undefined = every model. */
  allowedModels?: readonly string[];
  /** Whose model list applies, for messages. */
  modelsOwner: 'key' | 'plan';
  priority: number;
}

/** The authenticated caller, resolved once per request from its gateway key. */
export interface GatewayPrincipal {
  keyId: string;
  plan: string;
  limits: KeyLimits;
}

/**
 * The principal a key stands for: every limit is counted per key, and a plan gives its keys their
 * defaults; a key's own budget or model list replaces its plan's (as `GatewayKeyRecord` documents).
 */
export function getGatewayPrincipal(key: Omit<GatewayKeyRecord, 'hash'>, plan: PlanRecord): GatewayPrincipal {
  return {
    keyId: key.id,
    plan: plan.name,
    limits: {
      requestsPerHour: plan.requestsPerHour,
      tokensPerDay: plan.tokensPerDay,
      budgetPerDayInUsd: key.budgetPerDayInUsd ?? plan.budgetPerDayInUsd,
      budgetPerMonthInUsd: key.budgetPerMonthInUsd ?? plan.budgetPerMonthInUsd,
      budgetOwner: {
        day: key.budgetPerDayInUsd === undefined ? 'plan' : 'key',
        month: key.budgetPerMonthInUsd === undefined ? 'plan' : 'key',
      },
      allowedModels: key.allowedModels ?? plan.allowedModels,
      modelsOwner: key.allowedModels === undefined ? 'plan' : 'key',
      priority: plan.priority,
    },
  };
}
