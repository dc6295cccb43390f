import type { KeyUsage } from '../../security/create-admission-control.js';
import type { GatewayKeyView } from '../../security/create-gateway-key-admin.js';
import type { PlanView } from '../../security/create-plan-catalog.js';

const toTime = (milliseconds: number | undefined): string | null =>
  milliseconds === undefined ? null : new Date(milliseconds).toISOString();

/** A gateway key as `/admin/keys` answers it: its prefix, never its hash or the key itself. */
export function convertKeyToJson(key: GatewayKeyView) {
  return {
    id: key.id,
    object: 'gateway_key',
    name: key.name ?? null,
    prefix: key.prefix,
    plan: key.plan,
    budget_per_day_usd: key.budgetPerDayInUsd ?? null,
    budget_per_month_usd: key.budgetPerMonthInUsd ?? null,
    allowed_models: key.allowedModels ?? null,
    metadata: key.metadata,
    source: key.source,
    status: key.revokedAt === undefined ? 'active' : 'revoked',
    created_at: toTime(key.createdAt),
    revoked_at: toTime(key.revokedAt),
  };
}

/** What a key used in its current windows (UTC hour, day and month). */
export function convertKeyUsageToJson(usage: KeyUsage) {
  return {
    requests_this_hour: usage.requestsThisHour,
    tokens_today: usage.tokensToday,
    cost_today_usd: usage.costTodayInUsd,
    cost_this_month_usd: usage.costThisMonthInUsd,
  };
}

/** A plan as `/admin/plans` answers it; `null` limits are unlimited. */
export function convertPlanToJson(plan: PlanView) {
  return {
    name: plan.name,
    object: 'plan',
    requests_per_hour: plan.requestsPerHour ?? null,
    tokens_per_day: plan.tokensPerDay ?? null,
    budget_per_day_usd: plan.budgetPerDayInUsd ?? null,
    budget_per_month_usd: plan.budgetPerMonthInUsd ?? null,
    allowed_models: plan.allowedModels ?? null,
    priority: plan.priority,
    source: plan.source,
  };
}
