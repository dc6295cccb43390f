import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/create-fake-clock.js';
import { countsAgainstBreaker, createCircuitBreaker, type CircuitStateChange } from './circuit-breaker.js';

const target = 'groq/llama@groq#1';
const serverError = { kind: 'server', status: 500 } as const;

function fail(breaker: ReturnType<typeof createCircuitBreaker>, times: number, now: number) {
  for (let count = 0; count < times; count++) breaker.onFailure(target, serverError, now);
}

describe('circuit breaker: opening', () => {
  it('opens after 5 consecutive counted failures and skips the target', () => {
    const breaker = createCircuitBreaker();
    fail(breaker, 4, 1_000);
    expect(breaker.canAttempt(target, 1_000)).toBe(true);
    fail(breaker, 1, 1_000);
    expect(breaker.canAttempt(target, 1_000)).toBe(false);
    expect(breaker.admit(target, 1_000)).toBe(false);
    expect(breaker.getState(target, 1_000)).toMatchObject({
      state: 'open',
      openedAt: 1_000,
      probeAt: 31_000,
      consecutiveFailures: 5,
    });
  });

  it('a success resets the consecutive count', () => {
    const breaker = createCircuitBreaker();
    fail(breaker, 4, 1_000);
    breaker.onSuccess(target, 1_000);
    fail(breaker, 4, 1_000);
    expect(breaker.getState(target, 1_000)).toMatchObject({ state: 'closed', consecutiveFailures: 4 });
  });

  it('opens when half of the last 20 requests failed, once 10 are in', () => {
    const breaker = createCircuitBreaker();
    for (let round = 0; round < 4; round++) {
      breaker.onFailure(target, serverError, 1_000);
      breaker.onSuccess(target, 1_000);
    }
    breaker.onFailure(target, serverError, 1_000); // 5 of 9: not enough requests yet
    expect(breaker.getState(target, 1_000).state).toBe('closed');
    breaker.onSuccess(target, 1_000);
    breaker.onFailure(target, serverError, 1_000); // 6 of 11
    expect(breaker.getState(target, 1_000)).toMatchObject({ state: 'open', requests: 11 });
  });

  it('only looks at the last windowSize requests', () => {
    const breaker = createCircuitBreaker({ windowSize: 4, minimumRequests: 4, errorRateThreshold: 0.75 });
    fail(breaker, 2, 1_000);
    for (let count = 0; count < 3; count++) breaker.onSuccess(target, 1_000);
    fail(breaker, 2, 1_000); // window: success, success, failure, failure
    expect(breaker.getState(target, 1_000)).toMatchObject({ state: 'closed', requests: 4, errorRate: 0.5 });
    fail(breaker, 1, 1_000); // success, failure, failure, failure
    expect(breaker.getState(target, 1_000).state).toBe('open');
  });
});

describe('circuit breaker: which failures count', () => {
  it('counts upstream faults, including 429s', () => {
    expect(
      (['server', 'overloaded', 'timeout', 'network', 'rate-limited'] as const).map(countsAgainstBreaker),
    ).toEqual([true, true, true, true, true]);
  });

  it("never counts the caller's request, a missing model, key problems or cancellations", () => {
    const ignored = [
      'bad-request',
      'context-length',
      'content-filter',
      'not-found',
      'auth',
      'quota',
      'cancelled',
    ] as const;
    expect(ignored.map(countsAgainstBreaker)).toEqual(ignored.map(() => false));
    const breaker = createCircuitBreaker({ consecutiveFailures: 1 });
    for (const kind of ignored) breaker.onFailure(target, { kind }, 1_000);
    expect(breaker.getState(target, 1_000)).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });
});

describe('circuit breaker: half-open and closing', () => {
  it('admits exactly one probe after the open duration; its success closes', () => {
    const changes: CircuitStateChange[] = [];
    const breaker = createCircuitBreaker({ onStateChange: (change) => changes.push(change) });
    fail(breaker, 5, 1_000);
    expect(breaker.canAttempt(target, 30_999)).toBe(false);
    expect(breaker.canAttempt(target, 31_000)).toBe(true);
    expect(breaker.admit(target, 31_000)).toBe(true);
    expect(breaker.admit(target, 31_001)).toBe(false);
    expect(breaker.canAttempt(target, 31_001)).toBe(false);
    breaker.onSuccess(target, 31_500);
    expect(breaker.getState(target, 31_500)).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
      requests: 0,
      errorRate: 0,
      reopenCount: 0,
    });
    expect(breaker.admit(target, 31_500)).toBe(true);
    expect(changes).toEqual([
      {
        targetId: target,
        from: 'closed',
        to: 'open',
        reason: 'consecutive-failures',
        at: 1_000,
        probeAt: 31_000,
      },
      { targetId: target, from: 'open', to: 'half-open', reason: 'open-duration-elapsed', at: 31_000 },
      { targetId: target, from: 'half-open', to: 'closed', reason: 'probe-succeeded', at: 31_500 },
    ]);
  });

  it('re-opens on a failed probe for twice as long each time, up to the cap', () => {
    const breaker = createCircuitBreaker({ openDurationInMs: 30_000, maxOpenDurationInMs: 100_000 });
    fail(breaker, 5, 0);
    const probeTimes: number[] = [];
    let now = 0;
    for (let reopen = 0; reopen < 4; reopen++) {
      now = breaker.getState(target, now).probeAt!;
      probeTimes.push(now);
      expect(breaker.admit(target, now)).toBe(true);
      breaker.onFailure(target, serverError, now);
    }
    // Open for 30 s, then 60 s, 100 s (120 s capped), 100 s.
    expect(probeTimes).toEqual([30_000, 90_000, 190_000, 290_000]);
    expect(breaker.getState(target, now)).toMatchObject({ state: 'open', reopenCount: 4, probeAt: 390_000 });
  });

  it('starts again from the base duration once closed', () => {
    const breaker = createCircuitBreaker();
    fail(breaker, 5, 0);
    breaker.admit(target, 30_000);
    breaker.onFailure(target, serverError, 30_000); // re-open for 60 s
    breaker.admit(target, 90_000);
    breaker.onSuccess(target, 90_000);
    fail(breaker, 5, 100_000);
    expect(breaker.getState(target, 100_000)).toMatchObject({
      state: 'open',
      probeAt: 130_000,
      reopenCount: 0,
    });
  });

  it("stays open as long as a 429's retry-after says, capped at 60 s", () => {
    const breaker = createCircuitBreaker({ consecutiveFailures: 1 });
    breaker.onFailure(target, { kind: 'rate-limited', status: 429, retryAfterMs: 7_000 }, 1_000);
    expect(breaker.getState(target, 1_000).probeAt).toBe(8_000);
    breaker.admit(target, 8_000);
    breaker.onFailure(target, { kind: 'rate-limited', retryAfterMs: 600_000 }, 8_000);
    expect(breaker.getState(target, 8_000).probeAt).toBe(68_000);
    breaker.admit(target, 68_000);
    breaker.onFailure(target, { kind: 'rate-limited' }, 68_000); // no retry-after: back-off, 2 re-opens → 120 s
    expect(breaker.getState(target, 68_000).probeAt).toBe(188_000);
  });

  it('frees the probe slot when the probe ends without a verdict', () => {
    const breaker = createCircuitBreaker();
    fail(breaker, 5, 0);
    expect(breaker.admit(target, 30_000)).toBe(true);
    breaker.onFailure(target, { kind: 'bad-request', status: 400 }, 30_100);
    expect(breaker.getState(target, 30_100).state).toBe('half-open');
    expect(breaker.admit(target, 30_100)).toBe(true);
    breaker.onFailure(target, { kind: 'cancelled' }, 30_200);
    expect(breaker.admit(target, 30_200)).toBe(true);
  });

  it('lets another probe through when one never reported back', () => {
    const breaker = createCircuitBreaker({ probeTimeoutInMs: 10_000 });
    fail(breaker, 5, 0);
    expect(breaker.admit(target, 30_000)).toBe(true);
    expect(breaker.admit(target, 39_999)).toBe(false);
    expect(breaker.admit(target, 40_000)).toBe(true);
  });

  it('ignores late successes and failures while open', () => {
    const breaker = createCircuitBreaker();
    fail(breaker, 5, 0);
    breaker.onSuccess(target, 1_000);
    fail(breaker, 3, 2_000);
    expect(breaker.getState(target, 2_000)).toMatchObject({ state: 'open', probeAt: 30_000 });
  });

  it('goes half-open on the fake clock without anyone sleeping', async () => {
    const clock = createFakeClock(0);
    const breaker = createCircuitBreaker();
    fail(breaker, 5, clock.now());
    await clock.advance(29_999);
    expect(breaker.getState(target, clock.now()).state).toBe('open');
    await clock.advance(1);
    expect(breaker.getState(target, clock.now()).state).toBe('half-open');
  });
});

describe('circuit breaker: configuration', () => {
  it('reports an unknown target as closed and refuses impossible settings', () => {
    expect(createCircuitBreaker().getState('never-seen', 0)).toMatchObject({ state: 'closed', requests: 0 });
    expect(() => createCircuitBreaker({ minimumRequests: 30 })).toThrow('minimumRequests ≤ windowSize');
    expect(() => createCircuitBreaker({ errorRateThreshold: 0 })).toThrow('errorRateThreshold');
  });
});
