import { describe, expect } from 'vitest';
import type { ResponseStore, StoredResponse } from '../response-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

function makeResponse(id: string, overrides: Partial<StoredResponse> = {}): StoredResponse {
  return {
    id,
    response: {
      id,
      object: 'response',
      output: [{ type: 'message', content: [{ type: 'output_text', text: 'hé' }] }],
    },
    conversation: [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'hé' },
    ],
    isNative: false,
    createdAt: 1_000,
    ...overrides,
  };
}

/** The `ResponseStore` contract. */
export function runResponseStoreContract(
  name: string,
  create: CreateStoreUnderTest<ResponseStore>,
  options: StoreContractOptions = {},
): void {
  describe(`ResponseStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('put then get round-trips the response and its conversation', async () => {
      const store = await open();
      await store.put(makeResponse('resp_1'));
      expect(await store.get('resp_1')).toStrictEqual(makeResponse('resp_1'));
    });

    test('a native response without a conversation comes back without one', async () => {
      const store = await open();
      const { conversation: _conversation, ...native } = makeResponse('resp_1', { isNative: true });
      await store.put(native);
      expect(await store.get('resp_1')).toStrictEqual(native);
    });

    test('get returns undefined for an unknown id', async () => {
      const store = await open();
      expect(await store.get('resp_unknown')).toBeUndefined();
    });

    test('put with an existing id replaces it', async () => {
      const store = await open();
      await store.put(makeResponse('resp_1'));
      await store.put(
        makeResponse('resp_1', { isNative: true, createdAt: 2_000, response: { id: 'resp_1' } }),
      );
      expect(await store.get('resp_1')).toStrictEqual(
        makeResponse('resp_1', { isNative: true, createdAt: 2_000, response: { id: 'resp_1' } }),
      );
    });

    test('delete removes it and says whether it existed', async () => {
      const store = await open();
      await store.put(makeResponse('resp_1'));
      expect(await store.delete('resp_1')).toBe(true);
      expect(await store.get('resp_1')).toBeUndefined();
      expect(await store.delete('resp_1')).toBe(false);
    });

    test('returned responses are copies', async () => {
      const store = await open();
      const stored = makeResponse('resp_1');
      await store.put(stored);
      stored.response.id = 'changed';
      (await store.get('resp_1'))!.conversation!.pop();
      expect(await store.get('resp_1')).toStrictEqual(makeResponse('resp_1'));
    });

    test('forgets the least recently used response beyond its capacity', async () => {
      const store = await open({ capacity: 2 });
      await store.put(makeResponse('resp_1'));
      await store.put(makeResponse('resp_2'));
      await store.get('resp_1');
      await store.put(makeResponse('resp_3'));
      expect(await store.get('resp_2')).toBeUndefined();
      expect(await store.get('resp_1')).toBeDefined();
      expect(await store.get('resp_3')).toBeDefined();
    });
  });
}
