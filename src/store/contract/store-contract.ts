import { afterAll, afterEach, it } from 'vitest';
import type { Clock } from '../../lib/clock.js';
import type { Stores } from '../stores.js';

/** Tests a backend legitimately does not pass, with the reason (Hono's router `skip` list). */
export interface SkippedTests {
  reason: string;
  tests: string[];
}

export interface StoreContractOptions {
  skip?: SkippedTests[];
}

export interface StoreUnderTest<Store> {
  store: Store;
  close(): Promise<void>;
}

export interface StoreUnderTestOptions {
  /** Sizes a bounded backend (memory) for eviction tests; unbounded backends ignore it. */
  capacity?: number;
  clock?: Clock;
}

/** Builds a fresh, empty store for one test. */
export type CreateStoreUnderTest<Store> = (options: StoreUnderTestOptions) => Promise<StoreUnderTest<Store>>;

/** Adapts a whole-backend factory to one port's suite: opens a fresh `Stores`, tests one port, closes it. */
export function fromStores<Store>(
  openStores: (options: StoreUnderTestOptions) => Promise<Stores> | Stores,
  pick: (stores: Stores) => Store,
): CreateStoreUnderTest<Store> {
  return async (options) => {
    const stores = await openStores(options);
    return { store: pick(stores), close: () => stores.close() };
  };
}

/**
 * The per-suite plumbing: `open` returns a fresh store closed after the test, and `test` is `it`, or
 * `it.skip` with the reason in its title for a declared gap. A skip naming no test of the suite fails the
 * run, so the list cannot outlive the gap it excuses.
 */
export function useStoreContract<Store>(create: CreateStoreUnderTest<Store>, options: StoreContractOptions) {
  const opened: StoreUnderTest<Store>[] = [];
  const declared = new Map<string, string>();
  for (const entry of options.skip ?? []) for (const name of entry.tests) declared.set(name, entry.reason);
  const defined = new Set<string>();

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(() => {
    const unknown = [...declared.keys()].filter((name) => !defined.has(name));
    if (unknown.length > 0) throw new Error(`Skipped tests that do not exist: ${unknown.join(', ')}`);
  });

  return {
    async open(openOptions: StoreUnderTestOptions = {}): Promise<Store> {
      const storeUnderTest = await create(openOptions);
      opened.push(storeUnderTest);
      return storeUnderTest.store;
    },
    test(name: string, body: () => Promise<void>): void {
      defined.add(name);
      const reason = declared.get(name);
      if (reason === undefined) it(name, body);
      else it.skip(`${name} (skipped: ${reason})`, body);
    },
  };
}

/** A clock tests set by hand. */
export function createManualClock(start = 1_700_000_000_000): Clock & { set(now: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: async () => {},
    set(value) {
      now = value;
    },
  };
}
