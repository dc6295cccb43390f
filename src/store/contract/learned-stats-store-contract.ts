import { describe, expect } from 'vitest';
import type { LearnedStatsSnapshot, LearnedStatsStore } from '../learned-stats-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

function snapshot(
  targetId: string,
  route: string,
  successes: number,
  updatedAt = 1_000,
): LearnedStatsSnapshot {
  return {
    targetId,
    route,
    state: { successes, latency: { ewma: 120.5, sketch: [1, 2, 3] }, lastSuccessAt: null, label: 'ü' },
    updatedAt,
  };
}

/** `loadAll` promises no order, so comparisons sort by (target, route). */
async function loadSorted(store: LearnedStatsStore): Promise<LearnedStatsSnapshot[]> {
  const key = (item: LearnedStatsSnapshot) => `${item.targetId}\u0000${item.route}`;
  return (await store.loadAll()).sort((left, right) => (key(left) < key(right) ? -1 : 1));
}

/** The `LearnedStatsStore` contract. */
export function runLearnedStatsStoreContract(
  name: string,
  create: CreateStoreUnderTest<LearnedStatsStore>,
  options: StoreContractOptions = {},
): void {
  describe(`LearnedStatsStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('loadAll is empty at first, and an empty save changes nothing', async () => {
      const store = await open();
      await store.save([]);
      expect(await store.loadAll()).toEqual([]);
    });

    test('save then loadAll round-trips nested state', async () => {
      const store = await open();
      await store.save([snapshot('groq/llama#0', 'smart', 3), snapshot('openai/gpt-4o#0', '*', 7)]);
      expect(await loadSorted(store)).toStrictEqual([
        snapshot('groq/llama#0', 'smart', 3),
        snapshot('openai/gpt-4o#0', '*', 7),
      ]);
    });

    test('save upserts by (targetId, route): other routes of the target are kept', async () => {
      const store = await open();
      await store.save([snapshot('t1', 'smart', 1), snapshot('t1', 'cheap', 2), snapshot('t2', 'smart', 3)]);
      await store.save([snapshot('t1', 'smart', 10, 2_000)]);
      expect(await loadSorted(store)).toStrictEqual([
        snapshot('t1', 'cheap', 2),
        snapshot('t1', 'smart', 10, 2_000),
        snapshot('t2', 'smart', 3),
      ]);
    });

    test('within one batch the last snapshot of a pair wins', async () => {
      const store = await open();
      await store.save([snapshot('t1', 'smart', 1), snapshot('t1', 'smart', 2, 2_000)]);
      expect(await store.loadAll()).toStrictEqual([snapshot('t1', 'smart', 2, 2_000)]);
    });

    test('returned snapshots are copies', async () => {
      const store = await open();
      const saved = snapshot('t1', 'smart', 1);
      await store.save([saved]);
      saved.state.successes = 99;
      (await store.loadAll())[0]!.state.successes = 42;
      expect(await store.loadAll()).toStrictEqual([snapshot('t1', 'smart', 1)]);
    });
  });
}
