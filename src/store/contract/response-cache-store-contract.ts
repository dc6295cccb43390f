import { describe, expect } from 'vitest';
import type { ResponseCacheStore } from '../response-cache-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

export interface ResponseCacheContractOptions extends StoreContractOptions {
  /**
   * Lets `ms` of the store's time pass: a manual clock's step for memory, a real wait for servers that
   * keep their own time (Redis expires keys itself).
   */
  elapse(ms: number, clock: { set(now: number): void; now(): number }): Promise<void>;
}

/** The `ResponseCacheStore` contract: values come back byte for byte until their TTL, then vanish. */
export function runResponseCacheStoreContract(
  name: string,
  create: CreateStoreUnderTest<ResponseCacheStore>,
  options: ResponseCacheContractOptions,
): void {
  describe(`ResponseCacheStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('get returns undefined for an unknown key', async () => {
      const store = await open();
      expect(await store.get('missing')).toBeUndefined();
    });

    test('returns a stored value exactly, unicode included', async () => {
      const store = await open();
      const value = JSON.stringify({ text: 'héllo ☀ 𝄞', n: 1 });
      await store.set('k1', value, 60_000);
      expect(await store.get('k1')).toBe(value);
    });

    test('a later set replaces the value', async () => {
      const store = await open();
      await store.set('k1', 'first', 60_000);
      await store.set('k1', 'second', 60_000);
      expect(await store.get('k1')).toBe('second');
    });

    test('an entry expires after its TTL', async () => {
      let now = 1_700_000_000_000;
      const clock = { now: () => now, sleep: async () => {}, set: (value: number) => (now = value) };
      const store = await open({ clock });
      await store.set('short', 'gone soon', 200);
      await store.set('long', 'stays', 60_000);
      expect(await store.get('short')).toBe('gone soon');
      await options.elapse(400, clock);
      expect(await store.get('short')).toBeUndefined();
      expect(await store.get('long')).toBe('stays');
    });

    test('clear removes every entry', async () => {
      const store = await open();
      await store.set('a', '1', 60_000);
      await store.set('b', '2', 60_000);
      await store.clear();
      expect(await store.get('a')).toBeUndefined();
      expect(await store.get('b')).toBeUndefined();
    });
  });
}
