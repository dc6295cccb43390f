import type { GatewayKeyRecord } from '../gateway-key-store.js';

type GatewayKeyChanges = Partial<Omit<GatewayKeyRecord, 'id' | 'hash' | 'createdAt'>>;

const optionalFields = [
  'name',
  'budgetPerDayInUsd',
  'budgetPerMonthInUsd',
  'allowedModels',
  'revokedAt',
] as const;

/**
 * `GatewayKeyStore.update`'s semantics on a record in memory, the same as the SQL backends' column mapping:
 * an optional field present as undefined is cleared; a required one ignores undefined.
 */
export function applyGatewayKeyChanges(
  record: GatewayKeyRecord,
  changes: GatewayKeyChanges,
): GatewayKeyRecord {
  const updated: GatewayKeyRecord = { ...record };
  if (changes.prefix !== undefined) updated.prefix = changes.prefix;
  if (changes.plan !== undefined) updated.plan = changes.plan;
  if (changes.metadata !== undefined) updated.metadata = structuredClone(changes.metadata);
  for (const field of optionalFields) {
    if (!(field in changes)) continue;
    const value = changes[field];
    if (value === undefined) delete updated[field];
    else Object.assign(updated, { [field]: structuredClone(value) });
  }
  return updated;
}
