import type { ResponseStore, StoredResponse } from '../response-store.js';

/**
 * Responses kept in memory, least recently used first out once `maxEntries` is reached, so a busy
 * gateway cannot grow without bound. Lost on restart; the SQL backends keep them. Values are copied in and
 * out, so a caller editing what it got back cannot change what is stored (as with a database).
 */
export function createMemoryResponseStore(options: { maxEntries?: number } = {}): ResponseStore {
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, StoredResponse>();
  return {
    async get(id) {
      const entry = entries.get(id);
      if (entry === undefined) return undefined;
      entries.delete(id);
      entries.set(id, entry);
      return structuredClone(entry);
    },
    async put(response) {
      entries.delete(response.id);
      entries.set(response.id, structuredClone(response));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    async delete(id) {
      return entries.delete(id);
    },
  };
}
