import { describe, expect, it } from 'vitest';
import { collect } from '../../test/support/collect.js';
import {
  createFakeAdapter,
  createFakeTarget,
  textParts,
  type FakeBehaviour,
} from '../../test/support/create-fake-adapter.js';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import type { ChatRequest } from '../spec/chat-request.js';
import { AllAttemptsFailedError } from './all-attempts-failed-error.js';
import { attemptCall } from './attempt-call.js';
import { CallerCancelledError, type AttemptContext } from './attempt-context.js';
import { attemptStream } from './attempt-stream.js';
import { createRouteRunner } from './create-route-runner.js';
import type { Outcome } from './outcome.js';
import { defaultRoutePolicy, type RoutePolicy } from './route-policy.js';
import { chatStreamCodec } from './stream-codec.js';
import type { GateDecision, TargetGate } from './target-gate.js';
import type { Target } from './target.js';

const request: ChatRequest = { model: 'route', messages: [{ role: 'user', content: 'hi' }] };

function setUp(
  scripts: Record<string, FakeBehaviour[]>,
  policy: Partial<RoutePolicy> = {},
  gate?: TargetGate,
) {
  const clock = createFakeClock();
  const outcomes: Outcome[] = [];
  const adapters = Object.fromEntries(
    Object.entries(scripts).map(([name, script]) => [name, createFakeAdapter(name, script, clock)]),
  );
  const targets = Object.keys(scripts).map((name) => createFakeTarget(name, adapters[name]!.adapter));
  const runner = createRouteRunner({ clock, gate, random: () => 0.5 });
  const caller = new AbortController();
  const context: AttemptContext = {
    requestId: 'req_1',
    route: 'route',
    signal: caller.signal,
    onOutcome: (outcome) => outcomes.push(outcome),
  };
  const route = { name: 'route', targets, policy: { ...defaultRoutePolicy, ...policy } };
  const call = (target: Target, signal: AbortSignal) =>
    target.adapter.chat({
      request,
      model: target.model,
      credential: target.credential,
      baseUrl: target.baseUrl,
      signal,
    });
  const open = (target: Target, signal: AbortSignal) =>
    target.adapter.chatStream({
      request,
      model: target.model,
      credential: target.credential,
      baseUrl: target.baseUrl,
      signal,
    });
  return {
    clock,
    outcomes,
    adapters,
    caller,
    chat: () =>
      runner.run(
        route,
        context,
        (target, attemptContext) => attemptCall(target, attemptContext, call, (response) => response.usage),
        () => undefined,
      ),
    stream: () =>
      runner.run(
        route,
        context,
        (target, attemptContext) => attemptStream(target, attemptContext, open, chatStreamCodec),
        (stream) => stream.cancel(),
      ),
  };
}

/** Runs a promise to completion while moving the fake clock forward in small steps. */
async function settle<T>(
  clock: ReturnType<typeof createFakeClock>,
  promise: Promise<T>,
  stepInMs = 50,
  maxSteps = 2000,
): Promise<T> {
  let done = false;
  const result = promise.finally(() => (done = true));
  result.catch(() => undefined);
  for (let step = 0; step < maxSteps && !done; step++) await clock.advance(stepInMs);
  return result;
}

describe('sequential', () => {
  it('falls back in order and keeps the trail', async () => {
    const test = setUp(
      { down: [{ fail: 'server', status: 500 }], up: [{ response: 'hello' }] },
      { maxRetries: 0 },
    );
    const result = await settle(test.clock, test.chat());
    expect(result.target.provider).toBe('up');
    expect(
      result.attempts.map((attempt) => [attempt.provider, attempt.isSuccess, attempt.errorKind]),
    ).toEqual([
      ['down', false, 'server'],
      ['up', true, undefined],
    ]);
  });

  it('retries retryable failures in rounds, never sooner than retry-after', async () => {
    const test = setUp(
      {
        only: [
          { fail: 'rate-limited', status: 429, retryAfterMs: 3000 },
          { fail: 'overloaded', status: 503 },
          { response: 'finally' },
        ],
      },
      { maxRetries: 2, retryBaseDelayInMs: 100 },
    );
    const startedAt = test.clock.now();
    const result = await settle(test.clock, test.chat());
    expect(result.value.choices[0]!.message.content).toBe('finally');
    expect(result.attempts).toHaveLength(3);
    const times = test.outcomes.map((outcome) => outcome.startedAt - startedAt);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(3000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(150);
  });

  it('does not retry what retrying cannot fix, nor a retry-after beyond the cap, nor past the deadline', async () => {
    const badRequest = setUp({ only: [{ fail: 'bad-request', status: 400 }, { response: 'never' }] });
    await expect(settle(badRequest.clock, badRequest.chat())).rejects.toBeInstanceOf(AllAttemptsFailedError);
    expect(badRequest.adapters.only!.calls).toHaveLength(1);

    const longWait = setUp({
      only: [{ fail: 'rate-limited', status: 429, retryAfterMs: 120_000 }, { response: 'never' }],
    });
    await expect(settle(longWait.clock, longWait.chat())).rejects.toBeInstanceOf(AllAttemptsFailedError);
    expect(longWait.adapters.only!.calls).toHaveLength(1);

    const deadline = setUp(
      { only: [{ fail: 'server', status: 500, delayInMs: 900 }] },
      { requestTimeoutInMs: 2000, maxRetries: 5, retryBaseDelayInMs: 500 },
    );
    await expect(settle(deadline.clock, deadline.chat())).rejects.toBeInstanceOf(AllAttemptsFailedError);
    expect(deadline.adapters.only!.calls.length).toBeLessThanOrEqual(2);
  });

  it('skips a target its gate refuses, and waits out a short rate limit when nothing else can answer', async () => {
    const decisions: Record<string, GateDecision> = {
      blocked: { kind: 'skip', reason: 'circuit open until 12:00:00' },
      limited: { kind: 'wait', waitInMs: 400, reason: 'groq: 30 requests/minute' },
    };
    let waited = false;
    const gate: TargetGate = {
      check: (target) =>
        target.provider === 'limited' && waited
          ? { kind: 'go' }
          : (decisions[target.provider] ?? { kind: 'go' }),
      begin: () => undefined,
      end: () => undefined,
    };
    const test = setUp({ blocked: [{ response: 'no' }], limited: [{ response: 'yes' }] }, {}, gate);
    const running = test.chat();
    await test.clock.advance(0);
    await test.clock.advance(399);
    expect(test.adapters.limited!.calls).toHaveLength(0);
    waited = true;
    const result = await settle(test.clock, running);
    expect(result.target.provider).toBe('limited');
    expect(result.attempts[0]).toMatchObject({ provider: 'blocked', skipped: 'circuit open until 12:00:00' });
    expect(test.adapters.blocked!.calls).toHaveLength(0);
  });

  it('stops with CallerCancelledError when the caller goes away during a backoff', async () => {
    const test = setUp(
      { only: [{ fail: 'server', status: 500 }, { response: 'late' }] },
      { retryBaseDelayInMs: 10_000 },
    );
    const running = test.chat();
    await test.clock.advance(100);
    test.caller.abort(new CallerCancelledError());
    await expect(running).rejects.toBeInstanceOf(CallerCancelledError);
  });
});

describe('race', () => {
  it('takes the first answer and aborts the others, recording them as cancelled', async () => {
    const test = setUp(
      {
        slow: [{ response: 'slow', delayInMs: 900 }],
        fast: [{ response: 'fast', delayInMs: 200 }],
        failing: [{ fail: 'server', delayInMs: 50 }],
      },
      { strategy: 'race' },
    );
    const result = await settle(test.clock, test.chat(), 10);
    expect(result.target.provider).toBe('fast');
    expect(test.adapters.slow!.abortedCalls()).toBe(1);
    expect(result.attempts.map((attempt) => [attempt.provider, attempt.errorKind])).toEqual([
      ['failing', 'server'],
      ['fast', undefined],
      ['slow', 'cancelled'],
    ]);
  });

  it('streams: the first content token wins, not the first headers', async () => {
    const test = setUp(
      {
        quickHeaders: [{ parts: textParts('late content'), delayInMs: 10, contentDelayInMs: 500 }],
        quickContent: [{ parts: textParts('early content'), delayInMs: 100, contentDelayInMs: 50 }],
      },
      { strategy: 'race' },
    );
    const result = await settle(test.clock, test.stream(), 10);
    expect(result.target.provider).toBe('quickContent');
    expect((await collect(result.value.parts)).find((part) => part.type === 'text-delta')).toMatchObject({
      text: 'early content',
    });
    expect(test.adapters.quickHeaders!.abortedCalls()).toBe(1);
  });
});

describe('hedge', () => {
  it('starts the next target only after the hedge delay, and keeps the first answer', async () => {
    const test = setUp(
      { first: [{ response: 'first', delayInMs: 2000 }], second: [{ response: 'second', delayInMs: 300 }] },
      { strategy: 'hedge', hedgeDelayInMs: 500 },
    );
    const running = test.chat();
    await test.clock.advance(0);
    await test.clock.advance(499);
    expect(test.adapters.second!.calls).toHaveLength(0);
    await test.clock.advance(2);
    expect(test.adapters.second!.calls).toHaveLength(1);
    const result = await settle(test.clock, running, 10);
    expect(result.target.provider).toBe('second');
    expect(test.adapters.first!.abortedCalls()).toBe(1);
  });

  it('never hedges a request that answered within the delay, and stops hedging when the budget is spent', async () => {
    const quick = setUp(
      { first: [{ response: 'first', delayInMs: 100 }], second: [{ response: 'second' }] },
      { strategy: 'hedge', hedgeDelayInMs: 500 },
    );
    expect((await settle(quick.clock, quick.chat(), 10)).target.provider).toBe('first');
    expect(quick.adapters.second!.calls).toHaveLength(0);

    const test = setUp(
      { first: [{ response: 'first', delayInMs: 1500 }], second: [{ response: 'second', delayInMs: 100 }] },
      { strategy: 'hedge', hedgeDelayInMs: 500, hedgeBudget: 0 },
    );
    await settle(test.clock, test.chat(), 10);
    await settle(test.clock, test.chat(), 10);
    expect(test.adapters.second!.calls).toHaveLength(1);
  });

  it('moves on at once when the current target fails before the delay', async () => {
    const test = setUp(
      { first: [{ fail: 'server', delayInMs: 100 }], second: [{ response: 'second', delayInMs: 50 }] },
      { strategy: 'hedge', hedgeDelayInMs: 5000 },
    );
    const result = await settle(test.clock, test.chat(), 10);
    expect(result.target.provider).toBe('second');
    expect(test.outcomes[1]!.startedAt - test.outcomes[0]!.startedAt).toBeLessThan(200);
  });
});
