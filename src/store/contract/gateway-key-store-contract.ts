import { describe, expect } from 'vitest';
import type { GatewayKeyRecord, GatewayKeyStore, PlanRecord } from '../gateway-key-store.js';
import type { CreateStoreUnderTest, StoreContractOptions } from './store-contract.js';
import { useStoreContract } from './store-contract.js';

function makeKey(id: string, overrides: Partial<GatewayKeyRecord> = {}): GatewayKeyRecord {
  return {
    id,
    hash: `hash-${id}`,
    prefix: `arb_${id}`,
    plan: 'free',
    metadata: {},
    createdAt: 1_000,
    ...overrides,
  };
}

const fullKey = makeKey('key-full', {
  name: 'CI runner',
  budgetPerDayInUsd: 2.5,
  budgetPerMonthInUsd: 40,
  allowedModels: ['smart', 'groq/*'],
  metadata: { team: 'search', owner: 'ana' },
  revokedAt: 9_000,
});

/** The `GatewayKeyStore` contract: keys and plans. */
export function runGatewayKeyStoreContract(
  name: string,
  create: CreateStoreUnderTest<GatewayKeyStore>,
  options: StoreContractOptions = {},
): void {
  describe(`GatewayKeyStore contract: ${name}`, () => {
    const { open, test } = useStoreContract(create, options);

    test('create, then get and findByHash return the record with every field', async () => {
      const store = await open();
      await store.create(fullKey);
      expect(await store.get('key-full')).toEqual(fullKey);
      expect(await store.findByHash('hash-key-full')).toEqual(fullKey);
    });

    test('a key without optional fields comes back without them', async () => {
      const store = await open();
      await store.create(makeKey('key-1'));
      expect(await store.get('key-1')).toStrictEqual(makeKey('key-1'));
    });

    test('unknown ids and hashes are undefined', async () => {
      const store = await open();
      await store.create(makeKey('key-1'));
      expect(await store.get('key-2')).toBeUndefined();
      expect(await store.findByHash('hash-key-2')).toBeUndefined();
    });

    test('create rejects a duplicate id or hash and keeps the original', async () => {
      const store = await open();
      await store.create(makeKey('key-1'));
      await expect(store.create(makeKey('key-1', { hash: 'other-hash' }))).rejects.toThrow();
      await expect(store.create(makeKey('key-2', { hash: 'hash-key-1' }))).rejects.toThrow();
      expect(await store.list()).toEqual([makeKey('key-1')]);
    });

    test('list returns every key oldest first, revoked ones included', async () => {
      const store = await open();
      await store.create(makeKey('key-b', { createdAt: 3_000 }));
      await store.create(makeKey('key-a', { createdAt: 2_000, revokedAt: 2_500 }));
      await store.create(makeKey('key-c', { createdAt: 1_000 }));
      expect((await store.list()).map((key) => key.id)).toEqual(['key-c', 'key-a', 'key-b']);
    });

    test('revoke marks an active key once; revoked keys are still found by hash', async () => {
      const store = await open();
      await store.create(makeKey('key-1'));
      expect(await store.revoke('key-1', 5_000)).toBe(true);
      expect(await store.revoke('key-1', 6_000)).toBe(false);
      expect(await store.revoke('key-unknown', 6_000)).toBe(false);
      expect((await store.findByHash('hash-key-1'))?.revokedAt).toBe(5_000);
    });

    test('update replaces present fields, clears optional ones given as undefined, keeps the rest', async () => {
      const store = await open();
      await store.create(fullKey);
      const changed = await store.update('key-full', {
        plan: 'premium',
        metadata: { team: 'ads' },
        budgetPerDayInUsd: undefined,
        allowedModels: undefined,
        revokedAt: undefined,
        prefix: undefined,
      });
      expect(changed).toBe(true);
      const { budgetPerDayInUsd: _day, allowedModels: _models, revokedAt: _revoked, ...kept } = fullKey;
      expect(await store.get('key-full')).toStrictEqual({
        ...kept,
        plan: 'premium',
        metadata: { team: 'ads' },
      });
      expect(await store.findByHash('hash-key-full')).toMatchObject({ plan: 'premium' });
    });

    test('update sets optional fields, and answers whether the key exists', async () => {
      const store = await open();
      await store.create(makeKey('key-1'));
      expect(
        await store.update('key-1', { name: 'renamed', allowedModels: ['cheap'], budgetPerMonthInUsd: 0 }),
      ).toBe(true);
      expect(await store.get('key-1')).toEqual({
        ...makeKey('key-1'),
        name: 'renamed',
        allowedModels: ['cheap'],
        budgetPerMonthInUsd: 0,
      });
      expect(await store.update('key-1', {})).toBe(true);
      expect(await store.update('key-unknown', { name: 'x' })).toBe(false);
      expect(await store.update('key-unknown', {})).toBe(false);
    });

    test('plans: put creates, put again replaces the whole plan, list is ordered by name', async () => {
      const store = await open();
      expect(await store.listPlans()).toEqual([]);
      const premium: PlanRecord = {
        name: 'premium',
        requestsPerHour: 1_000,
        tokensPerDay: 5_000_000_000,
        budgetPerDayInUsd: 10,
        budgetPerMonthInUsd: 200,
        allowedModels: ['*'],
        priority: 5,
      };
      await store.putPlan(premium);
      await store.putPlan({ name: 'free', requestsPerHour: 20, priority: 0 });
      expect(await store.listPlans()).toStrictEqual([
        { name: 'free', requestsPerHour: 20, priority: 0 },
        premium,
      ]);
      await store.putPlan({ name: 'premium', tokensPerDay: 1_000, priority: 7 });
      expect(await store.listPlans()).toStrictEqual([
        { name: 'free', requestsPerHour: 20, priority: 0 },
        { name: 'premium', tokensPerDay: 1_000, priority: 7 },
      ]);
    });

    test('returned keys and plans are copies', async () => {
      const store = await open();
      await store.create(fullKey);
      await store.putPlan({ name: 'free', allowedModels: ['cheap'], priority: 0 });
      (await store.get('key-full'))!.metadata.team = 'changed';
      (await store.list())[0]!.allowedModels!.push('changed');
      (await store.listPlans())[0]!.allowedModels!.push('changed');
      expect(await store.get('key-full')).toEqual(fullKey);
      expect(await store.listPlans()).toEqual([{ name: 'free', allowedModels: ['cheap'], priority: 0 }]);
    });
  });
}
