import { describe, expect, it } from 'vitest';
import { createFakeAdapter } from '../../test/support/create-fake-adapter.js';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import { createLearning } from '../learning/create-learning.js';
import type { Outcome } from '../routing/outcome.js';
import type { Target } from '../routing/target.js';
import { createMemoryEventBus } from '../store/memory/create-memory-event-bus.js';
import { connectInstances } from './connect-instances.js';
import { createRoutingHealth } from './create-routing-health.js';

const target: Target = {
  id: 'groq/llama@groq#1',
  provider: 'groq',
  family: 'openai',
  model: 'llama',
  credential: { id: 'groq#1', apiKey: 'gsk-test' },
  baseUrl: 'http://127.0.0.1:1/v1',
  adapter: createFakeAdapter('groq', [{ response: 'unused' }]).adapter,
  timeoutInMs: 1000,
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

const failure = (requestId: string, clockNow: number): Outcome => ({
  requestId,
  route: 'groq/llama',
  targetId: target.id,
  provider: 'groq',
  model: 'llama',
  credentialId: 'groq#1',
  isStream: false,
  isSuccess: false,
  errorKind: 'server',
  status: 500,
  startedAt: clockNow,
  latencyInMs: 20,
});

/** One gateway's routing health, learning and key cache, linked to the others through `bus`. */
function createInstance(
  bus: ReturnType<typeof createMemoryEventBus>,
  clock: ReturnType<typeof createFakeClock>,
) {
  const health = createRoutingHealth({
    clock,
    limitsOf: () => ({ tokensPerMinute: 1000 }),
    onEvent: () => undefined,
  });
  const learning = createLearning({ clock });
  const forgotten: Array<string | undefined> = [];
  const link = connectInstances({
    bus,
    onRemoteOutcome: (outcome) => {
      health.onOutcome(outcome);
      learning.observe(outcome);
    },
    forgetKeys: (hash) => forgotten.push(hash),
    reportError: (error) => {
      throw error;
    },
  });
  const onLocalOutcome = (outcome: Outcome) => {
    health.onOutcome(outcome);
    learning.observe(outcome);
    link.share(outcome);
  };
  return { health, learning, link, forgotten, onLocalOutcome };
}

describe('connectInstances', () => {
  it('opens the breaker on every instance when one sees a target fail, and shares what it learned', async () => {
    const bus = createMemoryEventBus();
    const clock = createFakeClock();
    const [a, b] = [createInstance(bus, clock), createInstance(bus, clock)];
    await tick();
    for (let i = 0; i < 5; i++) a.onLocalOutcome(failure(`req_${i}`, clock.now()));
    expect(b.health.gate.check(target, 0)).toEqual({ kind: 'go' });
    await a.link.flush();
    await tick();
    expect(b.health.gate.check(target, 0)).toMatchObject({
      kind: 'skip',
      reason: expect.stringContaining('circuit breaker open'),
    });
    expect(b.learning.report()[0]).toMatchObject({ targetId: target.id });
    expect(b.learning.report()).toEqual(a.learning.report());
  });

  it('never lets another instance’s outcome settle a reservation of this one', async () => {
    const bus = createMemoryEventBus();
    const clock = createFakeClock();
    const [a, b] = [createInstance(bus, clock), createInstance(bus, clock)];
    await tick();
    // b reserves 600 of its 1000 tokens per minute for req_1; a's outcome for an attempt of the same id
    // (and no usage) must not give them back.
    b.health.gate.begin(target, 600, 'req_1');
    const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
    a.onLocalOutcome({ ...failure('req_1', clock.now()), errorKind: 'bad-request', status: 400, usage });
    await a.link.flush();
    await tick();
    expect(b.health.gate.check(target, 500)).toMatchObject({ kind: 'wait' });
  });

  it('tells every instance, itself included, to forget a changed key', async () => {
    const bus = createMemoryEventBus();
    const clock = createFakeClock();
    const [a, b] = [createInstance(bus, clock), createInstance(bus, clock)];
    await tick();
    a.link.publishKeyChange('hash-of-key');
    a.link.publishKeyChange(undefined);
    await tick();
    expect(a.forgotten).toEqual(['hash-of-key', undefined]);
    expect(b.forgotten).toEqual(['hash-of-key', undefined]);
  });

  it('does nothing without a bus', async () => {
    const link = connectInstances({
      onRemoteOutcome: () => undefined,
      forgetKeys: () => undefined,
      reportError: () => undefined,
    });
    link.share(failure('req_1', 0));
    link.publishKeyChange('hash');
    await expect(link.flush()).resolves.toBeUndefined();
  });
});
