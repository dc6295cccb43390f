import type { ProviderKeyRecord, ProviderKeyStore } from '../provider-key-store.js';

/**
 * The provider-key vault in memory (values stay encrypted here too). Unbounded on purpose: only an admin
 * adds keys. Records are copied in and out, as a database would.
 */
export function createMemoryProviderKeyStore(): ProviderKeyStore {
  const records = new Map<string, ProviderKeyRecord>();
  return {
    async put(record) {
      records.set(record.id, { ...record });
    },

    async list(provider) {
      return [...records.values()]
        .filter((record) => provider === undefined || record.provider === provider)
        .sort((left, right) => left.createdAt - right.createdAt || (left.id < right.id ? -1 : 1))
        .map((record) => ({ ...record }));
    },

    async delete(id) {
      return records.delete(id);
    },
  };
}
