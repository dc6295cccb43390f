import { systemClock, type Clock } from '../../lib/clock.js';
import type { ResponseCacheStore } from '../response-cache-store.js';

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * An LRU cache in this process, bounded by the total length of its values (`maxBytes`, UTF-16 code units
 * × 2 as an estimate of what V8 holds). A read refreshes an entry's place; expired entries are dropped
 * when read or when space is needed.
 * @example const store = createMemoryResponseCacheStore({ maxBytes: 64 * 1024 * 1024 });
 */
export function createMemoryResponseCacheStore(
  options: { maxBytes?: number; clock?: Clock } = {},
): ResponseCacheStore & { readonly size: number; readonly bytes: number } {
  const clock = options.clock ?? systemClock;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  // A Map iterates in insertion order: deleting and re-inserting on use keeps the least recent first.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const sizeOf = (key: string, value: string): number => (key.length + value.length) * 2;

  function remove(key: string, entry: Entry): void {
    entries.delete(key);
    bytes -= sizeOf(key, entry.value);
  }

  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= clock.now()) {
        remove(key, entry);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    async set(key, value, ttlInMs) {
      const previous = entries.get(key);
      if (previous) remove(key, previous);
      const size = sizeOf(key, value);
      if (size > maxBytes || ttlInMs <= 0) return;
      const now = clock.now();
      for (const [oldKey, entry] of entries) {
        if (bytes + size <= maxBytes) break;
        remove(oldKey, entry);
      }
      // Expired entries past the first are left for their reads; the byte bound holds regardless.
      for (const [oldKey, entry] of entries) {
        if (entry.expiresAt > now) break;
        remove(oldKey, entry);
      }
      entries.set(key, { value, expiresAt: now + ttlInMs });
      bytes += size;
    },
    async clear() {
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
