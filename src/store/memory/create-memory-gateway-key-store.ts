import type { GatewayKeyRecord, GatewayKeyStore, PlanRecord } from '../gateway-key-store.js';
import { applyGatewayKeyChanges } from './apply-gateway-key-changes.js';

/**
 * Gateway keys and plans in memory. Unbounded on purpose: only an admin creates them, so their number is
 * an operator's choice, not a caller's. Values are copied in and out, as a database would.
 */
export function createMemoryGatewayKeyStore(): GatewayKeyStore {
  const keys = new Map<string, GatewayKeyRecord>();
  const idsByHash = new Map<string, string>();
  const plans = new Map<string, PlanRecord>();

  return {
    async create(record) {
      if (keys.has(record.id)) throw new Error(`Gateway key ${record.id} already exists.`);
      if (idsByHash.has(record.hash)) throw new Error(`A gateway key with this hash already exists.`);
      keys.set(record.id, structuredClone(record));
      idsByHash.set(record.hash, record.id);
    },

    async findByHash(hash) {
      const id = idsByHash.get(hash);
      return id === undefined ? undefined : structuredClone(keys.get(id));
    },

    async get(id) {
      return structuredClone(keys.get(id));
    },

    async list() {
      return [...keys.values()]
        .sort((left, right) => left.createdAt - right.createdAt || (left.id < right.id ? -1 : 1))
        .map((record) => structuredClone(record));
    },

    async revoke(id, at) {
      const record = keys.get(id);
      if (record === undefined || record.revokedAt !== undefined) return false;
      record.revokedAt = at;
      return true;
    },

    async update(id, changes) {
      const record = keys.get(id);
      if (record === undefined) return false;
      keys.set(id, applyGatewayKeyChanges(record, changes));
      return true;
    },

    async listPlans() {
      return [...plans.values()]
        .sort((left, right) => (left.name < right.name ? -1 : 1))
        .map((plan) => structuredClone(plan));
    },

    async putPlan(plan) {
      plans.set(plan.name, structuredClone(plan));
    },
  };
}
