import { describe, expect, it } from 'vitest';
import { runLimitStoreContract } from '../contract/limit-store-contract.js';
import { createMemoryLimitStore } from './create-memory-limit-store.js';

runLimitStoreContract('memory', async () => ({ store: createMemoryLimitStore(), close: async () => {} }));

describe('createMemoryLimitStore', () => {
  it('sweeps the counters of ended windows once it holds more than its bound', async () => {
    const store = createMemoryLimitStore({ sweepAbove: 3 });
    const hour = Date.parse('2026-03-10T14:00:00Z');
    for (const key of ['a', 'b', 'c'])
      await store.reserve([{ key, window: 'hour', amount: 1, limit: 5 }], hour);
    const later = hour + 3_600_000;
    await store.reserve([{ key: 'd', window: 'hour', amount: 1, limit: 5 }], later);
    expect(await store.read('a', 'hour', hour)).toBe(0);
    expect(await store.read('d', 'hour', later)).toBe(1);
  });
});
