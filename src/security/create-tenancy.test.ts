import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import { createModelInfoLookup } from '../accounting/get-model-info.js';
import { createMemoryLimitStore } from '../store/memory/create-memory-limit-store.js';
import { createMemoryStores } from '../store/memory/create-memory-stores.js';
import { createTenancy, type TenancySettings } from './create-tenancy.js';

const adminKey = 'arb_admin_tenancy_test_00000001';

async function setUp(overrides: Partial<TenancySettings> = {}) {
  const clock = createFakeClock(Date.parse('2026-03-10T14:20:00Z'));
  const keyStore = createMemoryStores().gatewayKeys;
  const settings: TenancySettings = {
    apiKeys: [],
    adminKey,
    plans: {
      free: { requestsPerHour: 2, allowedModels: ['@cheap'], priority: 0 },
      premium: { budgetPerDayInUsd: 0.001, priority: 5 },
    },
    cheapModelMaxInputPrice: 0.5,
    maxConcurrentRequests: 4,
    queueTimeoutInMs: 1000,
    keyCacheTtlInMs: 1000,
    ...overrides,
  };
  const tenancy = await createTenancy({
    settings,
    keyStore,
    limitStore: createMemoryLimitStore(),
    getModelInfo: createModelInfoLookup({ 'openai/priced': { input: 3, output: 15 } }),
    clock,
    onError: (error) => {
      throw error;
    },
  });
  return { tenancy, keyStore, clock };
}

const priced = [{ name: 'openai/priced', targets: [{ provider: 'openai', model: 'priced' }] }];

describe('createTenancy', () => {
  it('is open while no key exists anywhere, and closes when another instance stores one', async () => {
    const { tenancy, keyStore, clock } = await setUp();
    expect(tenancy.hasKeys).toBe(false);
    await expect(tenancy.authenticate(undefined)).resolves.toBeUndefined();
    await keyStore.create({ id: 'key_x', hash: 'h', prefix: 'p', plan: 'free', metadata: {}, createdAt: 0 });
    await expect(tenancy.authenticate(undefined)).resolves.toBeUndefined();
    await clock.advance(1000);
    await expect(tenancy.authenticate(undefined)).rejects.toMatchObject({ kind: 'missing-key' });
    expect(tenancy.hasKeys).toBe(true);
  });

  it('requires keys from the start when ARBITER_API_KEYS lists one, and stays closed when all are revoked', async () => {
    const listed = await setUp({ apiKeys: [{ key: 'arb_env_listed_key_00000001', plan: 'free' }] });
    expect(listed.tenancy.hasKeys).toBe(true);
    await expect(listed.tenancy.authenticate('arb_env_listed_key_00000001')).resolves.toMatchObject({
      plan: 'free',
    });

    const { tenancy } = await setUp();
    const created = await tenancy.keys.create({ plan: 'free' });
    expect(tenancy.hasKeys).toBe(true);
    await tenancy.keys.revoke(created.record.id);
    expect(tenancy.hasKeys).toBe(true);
    await expect(tenancy.authenticate(created.key)).rejects.toMatchObject({ kind: 'invalid-key' });
  });

  it('checks the admin key in constant time, and says when the admin API is off', async () => {
    const { tenancy } = await setUp();
    expect(() => tenancy.authenticateAdmin(adminKey)).not.toThrow();
    expect(() => tenancy.authenticateAdmin(undefined)).toThrow(
      expect.objectContaining({ kind: 'missing-key' }),
    );
    expect(() => tenancy.authenticateAdmin(`${adminKey}x`)).toThrow(
      'The admin key is not valid on this gateway.',
    );
    const off = await setUp({ adminKey: undefined });
    expect(() => off.tenancy.authenticateAdmin(adminKey)).toThrow(
      expect.objectContaining({ kind: 'admin-disabled' }),
    );
  });

  it('admits after checking models, estimating the cost at the dearest target', async () => {
    const { tenancy } = await setUp();
    const free = await tenancy.authenticate((await tenancy.keys.create({ plan: 'free' })).key);
    const request = { routes: priced, requests: 1, inputTokens: 100, outputTokens: 100, settlements: 1 };
    await expect(tenancy.admit(free!, request)).rejects.toMatchObject({ kind: 'model-not-allowed' });

    const premium = await tenancy.authenticate((await tenancy.keys.create({ plan: 'premium' })).key);
    // 100 × $3 + 100 × $15 per million = $0.0018, over the $0.001 daily budget.
    await expect(tenancy.admit(premium!, request)).rejects.toMatchObject({
      kind: 'quota-exceeded',
      details: { limit: 'budget-per-day' },
    });
    const small = { ...request, inputTokens: 50, outputTokens: 50 };
    const admission = await tenancy.admit(premium!, small);
    expect(admission.counters[2]!.used).toBe(900_000);
  });

  it('applies a plan put through the admin API to its keys at once', async () => {
    const { tenancy } = await setUp();
    const { key } = await tenancy.keys.create({ plan: 'free' });
    const cheap = [{ name: 'openai/sim-fast', targets: [{ provider: 'openai', model: 'sim-fast' }] }];
    const request = { routes: cheap, requests: 1, inputTokens: 1, outputTokens: 1, settlements: 1 };
    await tenancy.admit((await tenancy.authenticate(key))!, request);
    await tenancy.plans.put({ name: 'free', requestsPerHour: 1, priority: 0 });
    await expect(tenancy.admit((await tenancy.authenticate(key))!, request)).rejects.toMatchObject({
      details: { limit: 'requests-per-hour' },
    });
    expect(tenancy.plans.list().find((plan) => plan.name === 'free')).toMatchObject({ source: 'stored' });
  });
});
