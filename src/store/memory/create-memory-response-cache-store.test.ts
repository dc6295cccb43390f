import { describe, expect, it } from 'vitest';
import { createManualClock } from '../contract/store-contract.js';
import { runResponseCacheStoreContract } from '../contract/response-cache-store-contract.js';
import { createMemoryResponseCacheStore } from './create-memory-response-cache-store.js';

runResponseCacheStoreContract(
  'memory',
  async ({ clock }) => ({ store: createMemoryResponseCacheStore({ clock }), close: async () => {} }),
  { elapse: async (ms, clock) => clock.set(clock.now() + ms) },
);

describe('createMemoryResponseCacheStore', () => {
  it('evicts the least recently used entries when the byte bound is reached', async () => {
    // Each entry: (1-char key + 9-char value) × 2 bytes = 20 bytes; room for three.
    const store = createMemoryResponseCacheStore({ maxBytes: 60 });
    await store.set('a', 'aaaaaaaaa', 60_000);
    await store.set('b', 'bbbbbbbbb', 60_000);
    await store.set('c', 'ccccccccc', 60_000);
    expect(await store.get('a')).toBe('aaaaaaaaa'); // a is now the most recent
    await store.set('d', 'ddddddddd', 60_000);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('aaaaaaaaa');
    expect(await store.get('d')).toBe('ddddddddd');
    expect(store.bytes).toBe(60);
  });

  it('does not keep a value larger than the whole cache', async () => {
    const store = createMemoryResponseCacheStore({ maxBytes: 10 });
    await store.set('big', 'x'.repeat(100), 60_000);
    expect(store.size).toBe(0);
  });

  it('drops expired entries at the front when storing', async () => {
    const clock = createManualClock(0);
    const store = createMemoryResponseCacheStore({ clock });
    await store.set('old', 'v', 10);
    clock.set(100);
    await store.set('new', 'v', 10);
    expect(store.size).toBe(1);
  });
});
