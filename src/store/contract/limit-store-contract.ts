import { describe, expect } from 'vitest';
import type { LimitReservation, LimitStore } from '../limit-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

const at = (text: string) => Date.parse(text);

function requests(limit: number, amount = 1): LimitReservation {
  return { key: 'key_1/requests', window: 'hour', amount, limit };
}

/** The `LimitStore` contract: fixed UTC windows, all-or-nothing reservations, settlement, exactness. */
export function runLimitStoreContract(
  name: string,
  create: CreateStoreUnderTest<LimitStore>,
  options: StoreContractOptions = {},
): void {
  describe(`LimitStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('reserves while amounts fit, then refuses with the time to the window end', async () => {
      const store = await open();
      const now = at('2026-03-10T14:20:00Z');
      const first = await store.reserve([requests(2)], now);
      expect(first).toEqual({
        isAllowed: true,
        retryAfterMs: 0,
        counters: [
          {
            key: 'key_1/requests',
            window: 'hour',
            windowStart: at('2026-03-10T14:00:00Z'),
            resetAt: at('2026-03-10T15:00:00Z'),
            limit: 2,
            used: 1,
            remaining: 1,
            isAllowed: true,
          },
        ],
      });
      expect((await store.reserve([requests(2)], now)).counters[0]).toMatchObject({ used: 2, remaining: 0 });
      const refused = await store.reserve([requests(2)], now);
      expect(refused.isAllowed).toBe(false);
      expect(refused.retryAfterMs).toBe(40 * 60_000);
      expect(refused.counters[0]).toMatchObject({ used: 2, remaining: 0, isAllowed: false });
      expect(await store.read('key_1/requests', 'hour', now)).toBe(2);
    });

    test('an amount larger than the whole limit is refused even in an empty window', async () => {
      const store = await open();
      const refused = await store.reserve([requests(100, 101)], at('2026-03-10T14:00:00Z'));
      expect(refused.isAllowed).toBe(false);
      expect(await store.read('key_1/requests', 'hour', at('2026-03-10T14:00:00Z'))).toBe(0);
    });

    test('all or nothing: when one counter refuses, no counter takes its amount', async () => {
      const store = await open();
      const now = at('2026-03-10T14:00:00Z');
      const tokens: LimitReservation = { key: 'key_1/tokens', window: 'day', amount: 600, limit: 1000 };
      expect((await store.reserve([requests(10), tokens], now)).isAllowed).toBe(true);
      const refused = await store.reserve([requests(10), tokens], now);
      expect(refused.isAllowed).toBe(false);
      expect(refused.counters.map((counter) => counter.isAllowed)).toEqual([true, false]);
      expect(refused.retryAfterMs).toBe(10 * 3_600_000);
      expect(await store.read('key_1/requests', 'hour', now)).toBe(1);
      expect(await store.read('key_1/tokens', 'day', now)).toBe(600);
    });

    test('windows are the UTC hour, day and calendar month, and start again from 0', async () => {
      const store = await open();
      const reserve = (window: 'hour' | 'day' | 'month', now: number) =>
        store.reserve([{ key: 'key_1/usd', window, amount: 5, limit: 5 }], now);
      expect((await reserve('month', at('2026-02-27T10:00:00Z'))).counters[0]).toMatchObject({
        windowStart: at('2026-02-01T00:00:00Z'),
        resetAt: at('2026-03-01T00:00:00Z'),
      });
      expect((await reserve('month', at('2026-02-28T23:59:59Z'))).isAllowed).toBe(false);
      expect((await reserve('month', at('2026-03-01T00:00:00Z'))).isAllowed).toBe(true);
      expect((await reserve('day', at('2026-12-31T23:00:00Z'))).counters[0]).toMatchObject({
        windowStart: at('2026-12-31T00:00:00Z'),
        resetAt: at('2027-01-01T00:00:00Z'),
      });
      expect((await reserve('day', at('2026-12-31T23:59:59.999Z'))).retryAfterMs).toBe(1);
      expect((await reserve('hour', at('2026-12-31T23:30:00Z'))).isAllowed).toBe(true);
      expect((await reserve('hour', at('2027-01-01T00:00:00Z'))).isAllowed).toBe(true);
    });

    test('counters are independent by key and by window kind', async () => {
      const store = await open();
      const now = at('2026-03-10T14:00:00Z');
      await store.reserve([requests(1)], now);
      const other = await store.reserve(
        [{ key: 'key_2/requests', window: 'hour', amount: 1, limit: 1 }],
        now,
      );
      const daily = await store.reserve([{ key: 'key_1/requests', window: 'day', amount: 1, limit: 1 }], now);
      expect([other.isAllowed, daily.isAllowed]).toEqual([true, true]);
    });

    test('adjust settles within the window reserved in, never below 0, and ignores ended windows', async () => {
      const store = await open();
      const now = at('2026-03-10T14:00:00Z');
      const tokens = { key: 'key_1/tokens', window: 'day' as const };
      const [counter] = (await store.reserve([{ ...tokens, amount: 500, limit: 1000 }], now)).counters;
      await store.adjust([{ ...tokens, windowStart: counter!.windowStart, delta: -380 }]);
      expect(await store.read(tokens.key, 'day', now)).toBe(120);
      await store.adjust([{ ...tokens, windowStart: counter!.windowStart, delta: -1000 }]);
      expect(await store.read(tokens.key, 'day', now)).toBe(0);
      await store.adjust([{ ...tokens, windowStart: counter!.windowStart, delta: 900 }]);
      expect((await store.reserve([{ ...tokens, amount: 101, limit: 1000 }], now)).isAllowed).toBe(false);

      const tomorrow = at('2026-03-11T09:00:00Z');
      await store.reserve([{ ...tokens, amount: 10, limit: 1000 }], tomorrow);
      await store.adjust([{ ...tokens, windowStart: counter!.windowStart, delta: 5000 }]);
      expect(await store.read(tokens.key, 'day', tomorrow)).toBe(10);
    });

    test('a counter pushed over its limit by settlement still admits amounts of 0', async () => {
      const store = await open();
      const now = at('2026-03-10T14:00:00Z');
      const usd = { key: 'key_1/usd', window: 'day' as const, limit: 100 };
      const [counter] = (await store.reserve([{ ...usd, amount: 90 }], now)).counters;
      await store.adjust([{ ...usd, windowStart: counter!.windowStart, delta: 30 }]);
      expect((await store.reserve([{ ...usd, amount: 0 }], now)).isAllowed).toBe(true);
      const refused = await store.reserve([{ ...usd, amount: 1 }], now);
      expect(refused.counters[0]).toMatchObject({ used: 120, remaining: 0, isAllowed: false });
    });

    test('exact under concurrency: 200 simultaneous reservations against 60 admit exactly 60', async () => {
      const store = await open();
      const now = at('2026-03-10T14:00:00Z');
      const tokens: LimitReservation = { key: 'key_1/tokens', window: 'day', amount: 10, limit: 1_000_000 };
      const results = await Promise.all(
        Array.from({ length: 200 }, () => store.reserve([requests(60), tokens], now)),
      );
      expect(results.filter((result) => result.isAllowed)).toHaveLength(60);
      expect(await store.read('key_1/requests', 'hour', now)).toBe(60);
      expect(await store.read('key_1/tokens', 'day', now)).toBe(600);
    });
  });
}
