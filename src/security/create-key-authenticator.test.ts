import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import type { GatewayKeyStore } from '../store/gateway-key-store.js';
import { createMemoryStores } from '../store/memory/create-memory-stores.js';
import { createKeyAuthenticator } from './create-key-authenticator.js';
import { createPlanCatalog } from './create-plan-catalog.js';
import { hashGatewayKey } from './gateway-key-secret.js';

const configured = { free: { requestsPerHour: 60, allowedModels: ['@cheap'], priority: 0 } };

function setUp(configuredKeys: Array<{ key: string; plan: string }> = []) {
  const clock = createFakeClock(Date.parse('2026-03-10T14:20:00Z'));
  const store = createMemoryStores().gatewayKeys;
  let lookups = 0;
  const counting: GatewayKeyStore = {
    ...store,
    findByHash(hash) {
      lookups++;
      return store.findByHash(hash);
    },
  };
  const plans = createPlanCatalog({ store, configured, clock, ttlInMs: 1000 });
  const authenticator = createKeyAuthenticator({
    store: counting,
    configuredKeys,
    plans,
    clock,
    ttlInMs: 1000,
  });
  return { clock, store, authenticator, lookups: () => lookups };
}

const storedKey = 'arb_live_stored_key_for_the_test_01';
const record = {
  id: 'key_stored',
  hash: hashGatewayKey(storedKey),
  prefix: 'arb_live_stor',
  plan: 'free',
  budgetPerDayInUsd: 3,
  metadata: {},
  createdAt: 0,
};

describe('createKeyAuthenticator', () => {
  it('resolves a stored key to its principal, with the key budget over the plan', async () => {
    const { store, authenticator } = setUp();
    await store.create(record);
    expect(await authenticator.authenticate(storedKey)).toEqual({
      keyId: 'key_stored',
      plan: 'free',
      limits: {
        requestsPerHour: 60,
        tokensPerDay: undefined,
        budgetPerDayInUsd: 3,
        budgetPerMonthInUsd: undefined,
        budgetOwner: { day: 'key', month: 'plan' },
        allowedModels: ['@cheap'],
        modelsOwner: 'plan',
        priority: 0,
      },
    });
  });

  it('accepts ARBITER_API_KEYS keys without the store, under ids derived from their hashes', async () => {
    const { authenticator, lookups } = setUp([{ key: 'arb_env_configured_key_0001', plan: 'free' }]);
    const principal = await authenticator.authenticate('arb_env_configured_key_0001');
    expect(principal.keyId).toBe(`key_env_${hashGatewayKey('arb_env_configured_key_0001').slice(0, 10)}`);
    expect(lookups()).toBe(0);
    expect(authenticator.configuredRecords[0]).toMatchObject({ prefix: 'arb_env_c', plan: 'free' });
  });

  it('refuses unknown keys, revoked keys and keys on a plan that is gone', async () => {
    const { store, authenticator, clock } = setUp();
    await expect(authenticator.authenticate('arb_live_nobody_knows_this_one')).rejects.toMatchObject({
      kind: 'invalid-key',
      message: 'The API key is not valid on this gateway.',
    });
    await store.create({ ...record, revokedAt: 5 });
    await expect(authenticator.authenticate(storedKey)).rejects.toThrow(
      'The API key key_stored was revoked.',
    );
    await store.update('key_stored', { plan: 'gold', revokedAt: undefined });
    await clock.advance(1000);
    await expect(authenticator.authenticate(storedKey)).rejects.toMatchObject({ kind: 'unknown-plan' });
  });

  it('looks a key up once per TTL, shared by concurrent first uses', async () => {
    const { store, authenticator, clock, lookups } = setUp();
    await store.create(record);
    await Promise.all(Array.from({ length: 20 }, () => authenticator.authenticate(storedKey)));
    expect(lookups()).toBe(1);
    await clock.advance(999);
    await authenticator.authenticate(storedKey);
    expect(lookups()).toBe(1);
    await clock.advance(1);
    await authenticator.authenticate(storedKey);
    expect(lookups()).toBe(2);
  });

  it('bounds a revocation made elsewhere by the TTL, and applies one made here at once', async () => {
    const { store, authenticator, clock } = setUp();
    await store.create(record);
    await authenticator.authenticate(storedKey);
    await store.revoke('key_stored', 10);
    await clock.advance(500);
    await expect(authenticator.authenticate(storedKey)).resolves.toMatchObject({ keyId: 'key_stored' });
    await clock.advance(500);
    await expect(authenticator.authenticate(storedKey)).rejects.toMatchObject({ kind: 'invalid-key' });

    await store.create({ ...record, id: 'key_two', hash: hashGatewayKey('arb_live_second_key_of_the_test') });
    await authenticator.authenticate('arb_live_second_key_of_the_test');
    await store.revoke('key_two', 20);
    authenticator.forget(hashGatewayKey('arb_live_second_key_of_the_test'));
    await expect(authenticator.authenticate('arb_live_second_key_of_the_test')).rejects.toThrow('revoked');
  });

  it('does not cache a failing store: the next request tries again', async () => {
    const clock = createFakeClock();
    const store = createMemoryStores().gatewayKeys;
    let isDown = true;
    const flaky: GatewayKeyStore = {
      ...store,
      async findByHash(hash) {
        if (isDown) throw new Error('database is down');
        return store.findByHash(hash);
      },
    };
    await store.create(record);
    const plans = createPlanCatalog({ store, configured, clock, ttlInMs: 1000 });
    const authenticator = createKeyAuthenticator({
      store: flaky,
      configuredKeys: [],
      plans,
      clock,
      ttlInMs: 1000,
    });
    await expect(authenticator.authenticate(storedKey)).rejects.toThrow('database is down');
    isDown = false;
    await expect(authenticator.authenticate(storedKey)).resolves.toMatchObject({ keyId: 'key_stored' });
  });
});
