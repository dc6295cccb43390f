import { describe, expect, it } from 'vitest';
import { createMemoryLimitStore } from '../store/memory/create-memory-limit-store.js';
import { createAdmissionControl, type Demand } from './create-admission-control.js';
import type { GatewayPrincipal, KeyLimits } from './gateway-principal.js';

const now = Date.parse('2026-03-10T14:20:00Z');

function principal(limits: Partial<KeyLimits>): GatewayPrincipal {
  return {
    keyId: 'key_1',
    plan: 'free',
    limits: { priority: 0, modelsOwner: 'plan', budgetOwner: { day: 'plan', month: 'key' }, ...limits },
  };
}

function demand(overrides: Partial<Demand> = {}): Demand {
  return { requests: 1, inputTokens: 100, outputTokens: 400, costInUsd: 0.01, settlements: 1, ...overrides };
}

function setUp() {
  const errors: string[] = [];
  const store = createMemoryLimitStore();
  const control = createAdmissionControl({ store, onError: (_error, message) => errors.push(message) });
  return { control, errors };
}

describe('createAdmissionControl', () => {
  it('reserves requests, tokens and dollars at once, and counts them even without limits', async () => {
    const { control } = setUp();
    const admission = await control.admit(principal({ requestsPerHour: 10 }), demand(), now);
    expect(admission.counters.map((counter) => [counter.key, counter.window, counter.used])).toEqual([
      ['key_1/requests', 'hour', 1],
      ['key_1/tokens', 'day', 500],
      ['key_1/usd', 'day', 10_000_000],
      ['key_1/usd', 'month', 10_000_000],
    ]);
    expect(await control.readUsage('key_1', now)).toEqual({
      requestsThisHour: 1,
      tokensToday: 500,
      costTodayInUsd: 0.01,
      costThisMonthInUsd: 0.01,
    });
  });

  it('settles with the real usage: the estimate goes back, what was used stays', async () => {
    const { control } = setUp();
    const admission = await control.admit(principal({ tokensPerDay: 1000 }), demand(), now);
    admission.settle({ tokens: 137, costInUsd: 0.0021 });
    admission.finish();
    expect(await control.readUsage('key_1', now)).toMatchObject({ tokensToday: 137, costTodayInUsd: 0.0021 });
  });

  it('releases a batch estimate after its last item settled, and the rest when the response closes', async () => {
    const { control } = setUp();
    const batch = await control.admit(principal({}), demand({ requests: 3, settlements: 3 }), now);
    batch.settle({ tokens: 10, costInUsd: 0 });
    batch.settle({ tokens: 20, costInUsd: 0 });
    expect((await control.readUsage('key_1', now)).tokensToday).toBe(530);
    batch.settle({ tokens: 30, costInUsd: 0 });
    expect(await control.readUsage('key_1', now)).toMatchObject({ requestsThisHour: 3, tokensToday: 60 });

    const cut = await control.admit(principal({}), demand({ requests: 2, settlements: 2 }), now);
    cut.settle({ tokens: 5, costInUsd: 0 });
    cut.finish();
    cut.finish();
    expect((await control.readUsage('key_1', now)).tokensToday).toBe(65);
  });

  it('undoes a request that never ran, its request count included', async () => {
    const { control } = setUp();
    const admission = await control.admit(principal({ requestsPerHour: 1 }), demand(), now);
    admission.cancel();
    expect(await control.readUsage('key_1', now)).toEqual({
      requestsThisHour: 0,
      tokensToday: 0,
      costTodayInUsd: 0,
      costThisMonthInUsd: 0,
    });
    await expect(control.admit(principal({ requestsPerHour: 1 }), demand(), now)).resolves.toBeDefined();
  });

  it('refuses naming every limit that does not fit, retrying once all have started again, taking nothing', async () => {
    const { control } = setUp();
    const limits = {
      requestsPerHour: 5,
      tokensPerDay: 600,
      budgetPerDayInUsd: 1,
      budgetPerMonthInUsd: 0.015,
    };
    await control.admit(principal(limits), demand(), now);
    await expect(control.admit(principal(limits), demand(), now)).rejects.toMatchObject({
      kind: 'quota-exceeded',
      message:
        'Limit reached for key key_1: tokens per day of plan "free" (600) (100 left, this request needs an estimated 500) and budget per month of key key_1 ($0.015); it starts again at 2026-04-01T00:00:00.000Z (in 1849200 s).',
      details: { limit: 'tokens-per-day', retryAfterMs: 1_849_200_000 },
    });
    await expect(
      control.admit(principal(limits), demand({ inputTokens: 0, outputTokens: 0 }), now),
    ).rejects.toMatchObject({
      message: expect.stringContaining('budget per month of key key_1 ($0.015)'),
      details: { limit: 'budget-per-month' },
    });
    expect(await control.readUsage('key_1', now)).toMatchObject({ requestsThisHour: 1, tokensToday: 500 });
  });

  it('says when a request alone is larger than a whole limit', async () => {
    const { control } = setUp();
    await expect(control.admit(principal({ tokensPerDay: 300 }), demand(), now)).rejects.toThrow(
      'This request alone needs an estimated 500 tokens (input and max_tokens), more than the whole tokens per day of plan "free" (300) allows',
    );
  });
});
