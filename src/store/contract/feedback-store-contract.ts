import { describe, expect } from 'vitest';
import type { FeedbackRecord, FeedbackStore } from '../feedback-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

function feedback(id: string, fields: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    id,
    requestId: 'req_1',
    targetId: 'groq/llama-3.3-70b-versatile@groq#3f9a1c2e',
    route: 'smart',
    score: 0.75,
    createdAt: 1_000,
    ...fields,
  };
}

/** The `FeedbackStore` contract. */
export function runFeedbackStoreContract(
  name: string,
  create: CreateStoreUnderTest<FeedbackStore>,
  options: StoreContractOptions = {},
): void {
  describe(`FeedbackStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('append then listByRequest round-trips every field, optional ones absent when unset', async () => {
      const store = await open();
      const full = feedback('fb_1', {
        thumbs: 'down',
        score: 0,
        comment: 'wrong answer — é',
        keyId: 'key_1',
      });
      await store.append(full);
      await store.append(feedback('fb_2', { requestId: 'req_2' }));
      expect(await store.listByRequest('req_1')).toStrictEqual([full]);
      expect(await store.listByRequest('req_2')).toStrictEqual([feedback('fb_2', { requestId: 'req_2' })]);
      expect(await store.listByRequest('req_unknown')).toStrictEqual([]);
    });

    test('listByRequest is oldest first, ties by id', async () => {
      const store = await open();
      await store.append(feedback('fb_c', { createdAt: 3_000 }));
      await store.append(feedback('fb_b', { createdAt: 1_000 }));
      await store.append(feedback('fb_a', { createdAt: 3_000 }));
      expect((await store.listByRequest('req_1')).map((record) => record.id)).toEqual([
        'fb_b',
        'fb_a',
        'fb_c',
      ]);
    });

    test('listRecent is newest first and stops at the limit', async () => {
      const store = await open();
      for (let index = 0; index < 5; index++)
        await store.append(feedback(`fb_${index}`, { requestId: `req_${index}`, createdAt: 1_000 + index }));
      expect((await store.listRecent(3)).map((record) => record.id)).toEqual(['fb_4', 'fb_3', 'fb_2']);
      expect(await store.listRecent(10)).toHaveLength(5);
    });

    test('listRecent refuses a limit that is not a positive integer', async () => {
      const store = await open();
      await expect(store.listRecent(0)).rejects.toThrow(RangeError);
      await expect(store.listRecent(1.5)).rejects.toThrow(RangeError);
    });

    test('an id already stored is ignored: the first write wins', async () => {
      const store = await open();
      await store.append(feedback('fb_1', { score: 1 }));
      await store.append(feedback('fb_1', { score: 0 }));
      expect(await store.listByRequest('req_1')).toStrictEqual([feedback('fb_1', { score: 1 })]);
    });

    test('returned records are copies', async () => {
      const store = await open();
      const appended = feedback('fb_1');
      await store.append(appended);
      appended.score = 0.1;
      (await store.listByRequest('req_1'))[0]!.score = 0.2;
      expect((await store.listRecent(1))[0]!.score).toBe(0.75);
    });

    test('keeps only the newest records beyond its capacity', async () => {
      const store = await open({ capacity: 2 });
      for (let index = 0; index < 3; index++)
        await store.append(feedback(`fb_${index}`, { createdAt: 1_000 + index }));
      expect((await store.listRecent(5)).map((record) => record.id)).toEqual(['fb_2', 'fb_1']);
    });
  });
}
