import type { Selectable } from 'kysely';
import type { GatewayKeyRecord, PlanRecord } from '../gateway-key-store.js';
import type { GatewayKeysTable, PlansTable } from './database.js';

type GatewayKeyRow = Selectable<GatewayKeysTable>;
type PlanRow = Selectable<PlansTable>;

/**
 * The columns `GatewayKeyStore.update` changes. Optional fields use `in`, not `!== undefined`: present as
 * undefined is a request to clear them; required fields ignore undefined, as there is nothing to fall back to.
 */
export function toGatewayKeyColumns(
  changes: Partial<GatewayKeyRecord>,
): Partial<Omit<GatewayKeyRow, 'id' | 'hash' | 'created_at'>> {
  const columns: Partial<Omit<GatewayKeyRow, 'id' | 'hash' | 'created_at'>> = {};
  if (changes.prefix !== undefined) columns.prefix = changes.prefix;
  if (changes.plan !== undefined) columns.plan = changes.plan;
  if (changes.metadata !== undefined) columns.metadata = JSON.stringify(changes.metadata);
  if ('name' in changes) columns.name = changes.name ?? null;
  if ('budgetPerDayInUsd' in changes) columns.budget_per_day_in_usd = changes.budgetPerDayInUsd ?? null;
  if ('budgetPerMonthInUsd' in changes) columns.budget_per_month_in_usd = changes.budgetPerMonthInUsd ?? null;
  if ('allowedModels' in changes) columns.allowed_models = toJsonOrNull(changes.allowedModels);
  if ('revokedAt' in changes) columns.revoked_at = changes.revokedAt ?? null;
  return columns;
}

export function toGatewayKeyRow(record: GatewayKeyRecord): GatewayKeyRow {
  return {
    id: record.id,
    hash: record.hash,
    created_at: record.createdAt,
    prefix: record.prefix,
    plan: record.plan,
    metadata: JSON.stringify(record.metadata),
    name: record.name ?? null,
    budget_per_day_in_usd: record.budgetPerDayInUsd ?? null,
    budget_per_month_in_usd: record.budgetPerMonthInUsd ?? null,
    allowed_models: toJsonOrNull(record.allowedModels),
    revoked_at: record.revokedAt ?? null,
  };
}

export function fromGatewayKeyRow(row: GatewayKeyRow): GatewayKeyRecord {
  const record: GatewayKeyRecord = {
    id: row.id,
    hash: row.hash,
    prefix: row.prefix,
    plan: row.plan,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    createdAt: Number(row.created_at),
  };
  if (row.name !== null) record.name = row.name;
  if (row.budget_per_day_in_usd !== null) record.budgetPerDayInUsd = row.budget_per_day_in_usd;
  if (row.budget_per_month_in_usd !== null) record.budgetPerMonthInUsd = row.budget_per_month_in_usd;
  if (row.allowed_models !== null) record.allowedModels = JSON.parse(row.allowed_models) as string[];
  if (row.revoked_at !== null) record.revokedAt = Number(row.revoked_at);
  return record;
}

export function toPlanRow(plan: PlanRecord): PlanRow {
  return {
    name: plan.name,
    requests_per_hour: plan.requestsPerHour ?? null,
    tokens_per_day: plan.tokensPerDay ?? null,
    budget_per_day_in_usd: plan.budgetPerDayInUsd ?? null,
    budget_per_month_in_usd: plan.budgetPerMonthInUsd ?? null,
    allowed_models: toJsonOrNull(plan.allowedModels),
    priority: plan.priority,
  };
}

export function fromPlanRow(row: PlanRow): PlanRecord {
  const plan: PlanRecord = { name: row.name, priority: row.priority };
  if (row.requests_per_hour !== null) plan.requestsPerHour = Number(row.requests_per_hour);
  if (row.tokens_per_day !== null) plan.tokensPerDay = Number(row.tokens_per_day);
  if (row.budget_per_day_in_usd !== null) plan.budgetPerDayInUsd = row.budget_per_day_in_usd;
  if (row.budget_per_month_in_usd !== null) plan.budgetPerMonthInUsd = row.budget_per_month_in_usd;
  if (row.allowed_models !== null) plan.allowedModels = JSON.parse(row.allowed_models) as string[];
  return plan;
}

function toJsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
