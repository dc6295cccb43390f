import { describe, expect } from 'vitest';
import type { ProviderKeyRecord, ProviderKeyStore } from '../provider-key-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

function makeProviderKey(id: string, provider: string, createdAt: number): ProviderKeyRecord {
  return { id, provider, encryptedKey: `enc:v1:salt:iv:${id}`, weight: 1.5, createdAt };
}

/** The `ProviderKeyStore` contract. */
export function runProviderKeyStoreContract(
  name: string,
  create: CreateStoreUnderTest<ProviderKeyStore>,
  options: StoreContractOptions = {},
): void {
  describe(`ProviderKeyStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);
    const groqOld = makeProviderKey('groq#0001', 'groq', 1_000);
    const groqNew = makeProviderKey('groq#0002', 'groq', 3_000);
    const openai = makeProviderKey('openai#0001', 'openai', 2_000);

    test("list returns every record oldest first, or one provider's", async () => {
      const store = await open();
      expect(await store.list()).toEqual([]);
      for (const record of [groqNew, openai, groqOld]) await store.put(record);
      expect(await store.list()).toStrictEqual([groqOld, openai, groqNew]);
      expect(await store.list('groq')).toStrictEqual([groqOld, groqNew]);
      expect(await store.list('anthropic')).toEqual([]);
    });

    test('put with an existing id replaces the record', async () => {
      const store = await open();
      await store.put(groqOld);
      const replaced = { ...groqOld, encryptedKey: 'enc:v1:rotated', weight: 3 };
      await store.put(replaced);
      expect(await store.list()).toStrictEqual([replaced]);
    });

    test('delete removes one record and says whether it existed', async () => {
      const store = await open();
      await store.put(groqOld);
      await store.put(openai);
      expect(await store.delete('groq#0001')).toBe(true);
      expect(await store.delete('groq#0001')).toBe(false);
      expect(await store.delete('unknown#0000')).toBe(false);
      expect(await store.list()).toStrictEqual([openai]);
    });

    test('returned records are copies', async () => {
      const store = await open();
      const record = { ...groqOld };
      await store.put(record);
      record.weight = 99;
      (await store.list())[0]!.encryptedKey = 'changed';
      expect(await store.list()).toStrictEqual([groqOld]);
    });
  });
}
