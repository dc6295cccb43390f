import type { Tenancy } from '../../security/create-tenancy.js';
import type { GatewayKeyView } from '../../security/create-gateway-key-admin.js';
import { getGatewayPrincipal } from '../../security/gateway-principal.js';
import { getLimitWindow } from '../../store/limit-window.js';
import type { UsageAggregate, UsageStore } from '../../store/usage-store.js';

const thirtyDaysInMs = 30 * 86_400_000;

/** A key's limits as its requests meet them: its plan's, with the key's own budgets over them. */
function describeLimits(key: GatewayKeyView, tenancy: Tenancy) {
  const plan = tenancy.plans.get(key.plan);
  // A key on a plan that no longer exists is refused (`unknown_plan`); it has no limits to show.
  const limits = plan ? getGatewayPrincipal(key, plan).limits : undefined;
  return {
    requests_per_hour: limits?.requestsPerHour ?? null,
    tokens_per_day: limits?.tokensPerDay ?? null,
    budget_per_day_usd: limits?.budgetPerDayInUsd ?? null,
    budget_per_month_usd: limits?.budgetPerMonthInUsd ?? null,
  };
}

/**
 * `GET /admin/usage/keys`: every gateway key (those of `ARBITER_API_KEYS` too, and revoked ones), by id
 * and prefix, never the key: its plan's limits with its own budgets over them (`null`: unlimited), what
 * it used in its current UTC hour, day and month (the limit counters, as `GET /admin/keys/{id}` reads
 * them), when those windows reset, and its requests and cost over the last 30 days from the usage log.
 */
export async function describeKeyUsage(tenancy: Tenancy, usage: UsageStore, now: number) {
  await tenancy.plans.refresh();
  const [keys, aggregates] = await Promise.all([
    tenancy.keys.list(),
    usage.aggregate('key', { from: now - thirtyDaysInMs }),
  ]);
  const byKey = new Map<string, UsageAggregate>(aggregates.map((aggregate) => [aggregate.group, aggregate]));
  const resetAt = {
    hour: getLimitWindow('hour', now).end,
    day: getLimitWindow('day', now).end,
    month: getLimitWindow('month', now).end,
  };
  const rows = await Promise.all(
    keys.map(async (key) => {
      const used = await tenancy.readUsage(key.id);
      const recent = byKey.get(key.id);
      return {
        id: key.id,
        name: key.name ?? null,
        prefix: key.prefix,
        plan: key.plan,
        revoked: key.revokedAt !== undefined,
        limits: describeLimits(key, tenancy),
        used: {
          requests_hour: used.requestsThisHour,
          tokens_day: used.tokensToday,
          usd_day: Number(used.costTodayInUsd.toFixed(9)),
          usd_month: Number(used.costThisMonthInUsd.toFixed(9)),
        },
        reset_at: resetAt,
        cost_usd_30d: Number((recent?.costInUsd ?? 0).toFixed(9)),
        requests_30d: recent?.requests ?? 0,
      };
    }),
  );
  return { keys: rows };
}
