import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/create-fake-clock.js';
import type { RateLimits } from './rate-limit-tiers.js';
import { createRateLimiter } from './rate-limiter.js';

const groq = 'groq/llama-3.1-8b-instant@groq#1';

function limiterWith(limits: Record<string, RateLimits>, maxBudgets?: number) {
  const calls: string[] = [];
  const limiter = createRateLimiter({
    limitsOf: (targetId) => {
      calls.push(targetId);
      return limits[targetId];
    },
    maxBudgets,
  });
  return { limiter, calls };
}

describe('rate limiter: requests per minute', () => {
  it('admits 30 requests at once, then one every 2 s', () => {
    const { limiter } = limiterWith({ [groq]: { requestsPerMinute: 30 } });
    for (let count = 0; count < 30; count++) expect(limiter.reserve(groq, 100, 0)).toEqual({ allowed: true });
    expect(limiter.reserve(groq, 100, 0)).toEqual({
      allowed: false,
      limit: 'requests',
      limitPerMinute: 30,
      waitInMs: 2_000,
    });
    expect(limiter.check(groq, 100, 1_500)).toMatchObject({ allowed: false, waitInMs: 500 });
    expect(limiter.reserve(groq, 100, 2_000)).toEqual({ allowed: true });
    expect(limiter.check(groq, 100, 2_000)).toMatchObject({ allowed: false, waitInMs: 2_000 });
  });

  it('lets a planner wait exactly as long as told, on the fake clock', async () => {
    const clock = createFakeClock(0);
    const { limiter } = limiterWith({ [groq]: { requestsPerMinute: 2 } });
    limiter.reserve(groq, 0, clock.now());
    limiter.reserve(groq, 0, clock.now());
    const decision = limiter.reserve(groq, 0, clock.now());
    expect(decision).toMatchObject({ allowed: false, waitInMs: 30_000 });
    const waited = clock.sleep(decision.allowed ? 0 : decision.waitInMs);
    await clock.advance(30_000);
    await waited;
    expect(limiter.reserve(groq, 0, clock.now())).toEqual({ allowed: true });
  });
});

describe('rate limiter: tokens per minute', () => {
  it('waits for the missing tokens at the refill rate', () => {
    const { limiter } = limiterWith({ [groq]: { requestsPerMinute: 30, tokensPerMinute: 6_000 } });
    expect(limiter.reserve(groq, 5_000, 0)).toEqual({ allowed: true });
    // 1,000 left, 2,000 wanted: 1,000 tokens at 0.1 per ms.
    expect(limiter.reserve(groq, 2_000, 0)).toEqual({
      allowed: false,
      limit: 'tokens',
      limitPerMinute: 6_000,
      waitInMs: 10_000,
    });
    expect(limiter.reserve(groq, 2_000, 10_000)).toEqual({ allowed: true });
  });

  it('reports the limit with the longer wait when both are exceeded', () => {
    const { limiter } = limiterWith({ [groq]: { requestsPerMinute: 1, tokensPerMinute: 600 } });
    limiter.reserve(groq, 600, 0);
    expect(limiter.check(groq, 300, 0)).toMatchObject({ limit: 'requests', waitInMs: 60_000 });
    expect(limiter.check(groq, 300, 50_000)).toMatchObject({ limit: 'requests', waitInMs: 10_000 });
    limiter.consume(groq, 1_200, 60_000); // 600 tokens in debt
    expect(limiter.check(groq, 600, 60_000)).toMatchObject({ limit: 'tokens', waitInMs: 120_000 });
  });

  it('refuses outright a request larger than the whole budget', () => {
    const { limiter } = limiterWith({ [groq]: { tokensPerMinute: 6_000 } });
    expect(limiter.check(groq, 7_000, 0)).toEqual({
      allowed: false,
      limit: 'tokens',
      limitPerMinute: 6_000,
      waitInMs: Number.POSITIVE_INFINITY,
    });
  });

  it('settles reservations against the real usage', () => {
    const { limiter } = limiterWith({ [groq]: { tokensPerMinute: 6_000 } });
    limiter.reserve(groq, 1_000, 0);
    limiter.settle(groq, 1_000, 6_000, 0); // used 5,000 more than reserved: 0 left
    expect(limiter.check(groq, 600, 0)).toMatchObject({ waitInMs: 6_000 });
    limiter.settle(groq, 3_000, 0, 0); // 3,000 given back
    expect(limiter.check(groq, 3_000, 0)).toEqual({ allowed: true });
    limiter.settle(groq, 100_000, 0, 0); // never above the budget
    expect(limiter.check(groq, 6_001, 0)).toMatchObject({ waitInMs: Number.POSITIVE_INFINITY });
    expect(limiter.check(groq, 6_000, 0)).toEqual({ allowed: true });
  });

  it('consume takes even into debt; check never takes', () => {
    const { limiter } = limiterWith({ [groq]: { tokensPerMinute: 6_000 } });
    for (let count = 0; count < 5; count++) limiter.check(groq, 6_000, 0);
    limiter.consume(groq, 9_000, 0);
    expect(limiter.check(groq, 3_000, 0)).toMatchObject({ waitInMs: 60_000 });
  });
});

describe('rate limiter: scopes and memory', () => {
  it('allows everything for targets without limits', () => {
    const { limiter } = limiterWith({ other: { requestsPerMinute: 1 } });
    for (let count = 0; count < 100; count++)
      expect(limiter.reserve(groq, 1e9, 0)).toEqual({ allowed: true });
    limiter.settle(groq, 0, 1e9, 0);
    expect(limiter.check(groq, 1e9, 0)).toEqual({ allowed: true });
  });

  it('makes targets with one scope share a budget', () => {
    const { limiter } = limiterWith({
      'openrouter/a:free@openrouter#1': { requestsPerMinute: 20, scope: 'openrouter#1' },
      'openrouter/b:free@openrouter#1': { requestsPerMinute: 20, scope: 'openrouter#1' },
    });
    for (let count = 0; count < 10; count++) {
      limiter.reserve('openrouter/a:free@openrouter#1', 0, 0);
      limiter.reserve('openrouter/b:free@openrouter#1', 0, 0);
    }
    expect(limiter.check('openrouter/a:free@openrouter#1', 0, 0)).toMatchObject({ waitInMs: 3_000 });
  });

  it('forgets refilled budgets first when over the cap', () => {
    const { limiter } = limiterWith(
      { a: { requestsPerMinute: 1 }, b: { requestsPerMinute: 1 }, c: { requestsPerMinute: 1 } },
      2,
    );
    limiter.reserve('a', 0, 0);
    limiter.check('b', 0, 0); // full budget
    limiter.reserve('c', 0, 0); // needs room: b goes, a (in use) stays
    expect(limiter.check('a', 0, 0)).toMatchObject({ allowed: false });
    limiter.reserve('b', 0, 0); // no full budget left: the oldest (a) goes
    expect(limiter.check('c', 0, 0)).toMatchObject({ allowed: false });
    expect(limiter.check('a', 0, 0)).toEqual({ allowed: true });
  });
});
