import { describe, expect } from 'vitest';
import type { UsageRecord, UsageStore } from '../usage-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';
import { runUsageAggregateContract } from './usage-aggregate-contract.js';
import { runUsageTimeseriesContract } from './usage-timeseries-contract.js';
import { makeFullUsageRecord, makeUsageRecord } from './usage-record-fixture.js';

/** Every page of a listing, following `nextCursor` to the end. */
async function listAll(
  store: UsageStore,
  filter: Parameters<UsageStore['list']>[0],
): Promise<UsageRecord[][]> {
  const pages: UsageRecord[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list({ ...filter, cursor });
    pages.push(page.records);
    cursor = page.nextCursor;
  } while (cursor !== undefined && pages.length < 100);
  return pages;
}

const ids = (records: UsageRecord[]) => records.map((record) => record.requestId);

/** The `UsageStore` contract: append, get and keyset pagination here, aggregates and timeseries in their own files. */
export function runUsageStoreContract(
  name: string,
  create: CreateStoreUnderTest<UsageStore>,
  options: StoreContractOptions = {},
): void {
  describe(`UsageStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('get returns an appended record with every field', async () => {
      const store = await open();
      await store.append([makeFullUsageRecord('req-01')]);
      expect(await store.get('req-01')).toEqual(makeFullUsageRecord('req-01'));
    });

    test('a record without optional fields comes back without them', async () => {
      const store = await open();
      await store.append([makeUsageRecord({ requestId: 'req-01' })]);
      expect(await store.get('req-01')).toStrictEqual(makeUsageRecord({ requestId: 'req-01' }));
    });

    test('get returns undefined for an unknown request id', async () => {
      const store = await open();
      await store.append([makeUsageRecord({ requestId: 'req-01' })]);
      expect(await store.get('req-02')).toBeUndefined();
    });

    test('an empty batch changes nothing', async () => {
      const store = await open();
      await store.append([]);
      expect(await store.list({ limit: 10 })).toEqual({ records: [] });
    });

    test('a request id already stored is ignored, within a batch and across batches', async () => {
      const store = await open();
      await store.append([
        makeUsageRecord({ requestId: 'req-01', status: 200 }),
        makeUsageRecord({ requestId: 'req-01', status: 500 }),
      ]);
      await store.append([makeUsageRecord({ requestId: 'req-01', status: 502 })]);
      expect((await store.get('req-01'))?.status).toBe(200);
      expect((await store.list({ limit: 10 })).records).toHaveLength(1);
    });

    test('a large batch is stored whole', async () => {
      const store = await open({ capacity: 5_000 });
      const batch = Array.from({ length: 1_500 }, (_, index) =>
        makeUsageRecord({ requestId: `req-${String(index).padStart(5, '0')}`, createdAt: 1_000 + index }),
      );
      await store.append(batch);
      const [total] = await store.aggregate('provider', {});
      expect(total?.requests).toBe(1_500);
      expect((await store.list({ limit: 1 })).records[0]?.requestId).toBe('req-01499');
    });

    test('list returns newest first, ties broken by request id, also for out-of-order batches', async () => {
      const store = await open();
      await store.append([
        makeUsageRecord({ requestId: 'req-03', createdAt: 3_000 }),
        makeUsageRecord({ requestId: 'req-05', createdAt: 5_000 }),
      ]);
      await store.append([
        makeUsageRecord({ requestId: 'req-01', createdAt: 1_000 }),
        makeUsageRecord({ requestId: 'req-04', createdAt: 3_000 }),
        makeUsageRecord({ requestId: 'req-02', createdAt: 3_000 }),
      ]);
      const page = await store.list({ limit: 10 });
      expect(ids(page.records)).toEqual(['req-05', 'req-04', 'req-03', 'req-02', 'req-01']);
      expect(page.nextCursor).toBeUndefined();
    });

    test('pages across equal timestamps without gaps or repeats', async () => {
      const store = await open();
      const createdAt = [1_000, 2_000, 2_000, 2_000, 2_000, 3_000, 4_000];
      await store.append(
        createdAt.map((time, index) => makeUsageRecord({ requestId: `req-0${index}`, createdAt: time })),
      );
      const pages = await listAll(store, { limit: 2 });
      expect(pages.map(ids)).toEqual([
        ['req-06', 'req-05'],
        ['req-04', 'req-03'],
        ['req-02', 'req-01'],
        ['req-00'],
      ]);
    });

    test('nextCursor is set only when more records match, and is opaque', async () => {
      const store = await open();
      await store.append(
        [1, 2, 3, 4].map((index) => makeUsageRecord({ requestId: `req-0${index}`, createdAt: index })),
      );
      const first = await store.list({ limit: 2 });
      expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
      const second = await store.list({ limit: 2, cursor: first.nextCursor });
      expect(ids(second.records)).toEqual(['req-02', 'req-01']);
      expect(second.nextCursor).toBeUndefined();
      expect((await store.list({ limit: 4 })).nextCursor).toBeUndefined();
    });

    test('list filters by key, provider, model and time range, and pages within the filter', async () => {
      const store = await open();
      const records = Array.from({ length: 12 }, (_, index) =>
        makeUsageRecord({
          requestId: `req-${String(index).padStart(2, '0')}`,
          createdAt: 1_000 * index,
          keyId: index % 2 === 0 ? 'key_even' : 'key_odd',
          provider: index % 3 === 0 ? 'groq' : 'openai',
          model: index % 3 === 0 ? 'llama' : 'gpt-4o',
        }),
      );
      await store.append(records);
      const matching = (keep: (record: UsageRecord) => boolean) => ids(records.filter(keep).reverse());
      const all = async (filter: Parameters<UsageStore['list']>[0]) => (await listAll(store, filter)).flat();

      expect(ids(await all({ limit: 2, keyId: 'key_even' }))).toEqual(
        matching((record) => record.keyId === 'key_even'),
      );
      expect(ids(await all({ limit: 3, provider: 'groq' }))).toEqual(
        matching((record) => record.provider === 'groq'),
      );
      expect(ids(await all({ limit: 3, model: 'gpt-4o' }))).toEqual(
        matching((record) => record.model === 'gpt-4o'),
      );
      expect(ids(await all({ limit: 2, from: 3_000, to: 7_000 }))).toEqual([
        'req-06',
        'req-05',
        'req-04',
        'req-03',
      ]);
      expect(ids(await all({ limit: 5, keyId: 'key_odd', provider: 'groq', from: 3_000 }))).toEqual([
        'req-09',
        'req-03',
      ]);
      expect(await store.list({ limit: 5, keyId: 'key_unknown' })).toEqual({ records: [] });
    });

    test('list rejects an invalid cursor or limit with a RangeError', async () => {
      const store = await open();
      await expect(store.list({ limit: 10, cursor: 'not a cursor' })).rejects.toThrow(RangeError);
      await expect(
        store.list({ limit: 10, cursor: Buffer.from('x:req').toString('base64url') }),
      ).rejects.toThrow(RangeError);
      await expect(store.list({ limit: 0 })).rejects.toThrow(RangeError);
      await expect(store.list({ limit: -1 })).rejects.toThrow(RangeError);
      await expect(store.list({ limit: 1.5 })).rejects.toThrow(RangeError);
    });

    test('returned records are copies', async () => {
      const store = await open();
      await store.append([makeFullUsageRecord('req-01')]);
      const record = await store.get('req-01');
      record!.attempts[0]!.latencyInMs = -1;
      (await store.list({ limit: 1 })).records[0]!.attempts.pop();
      expect(await store.get('req-01')).toEqual(makeFullUsageRecord('req-01'));
    });

    test('keeps only the newest records beyond its capacity', async () => {
      const store = await open({ capacity: 3 });
      await store.append(
        [5, 1, 4].map((index) => makeUsageRecord({ requestId: `req-0${index}`, createdAt: index })),
      );
      await store.append(
        [2, 3].map((index) => makeUsageRecord({ requestId: `req-0${index}`, createdAt: index })),
      );
      expect(ids((await store.list({ limit: 10 })).records)).toEqual(['req-05', 'req-04', 'req-03']);
      expect(await store.get('req-01')).toBeUndefined();
    });

    runUsageAggregateContract(open, test);
    runUsageTimeseriesContract(open, test);
  });
}
