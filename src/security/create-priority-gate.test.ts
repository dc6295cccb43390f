import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import { createPriorityGate } from './create-priority-gate.js';
import { TenancyError } from './tenancy-error.js';

function setUp(maxConcurrent = 1, queueTimeoutInMs = 1000) {
  const clock = createFakeClock();
  return { clock, gate: createPriorityGate({ maxConcurrent, queueTimeoutInMs, clock }) };
}

describe('createPriorityGate', () => {
  it('admits at once below the limit', async () => {
    const { gate } = setUp(2);
    await gate.acquire(0);
    expect(gate.tryAcquire()).toBeTypeOf('function');
    expect(gate.tryAcquire()).toBeUndefined();
    expect([gate.running, gate.waiting]).toEqual([2, 0]);
  });

  it('hands freed slots out by priority, first come first served within one', async () => {
    const { gate } = setUp(1);
    const release = await gate.acquire(0);
    const order: string[] = [];
    const wait = (name: string, priority: number) =>
      gate.acquire(priority).then((next) => {
        order.push(name);
        next();
      });
    const waiting = [wait('free 1', 0), wait('premium', 5), wait('free 2', 0), wait('enterprise', 10)];
    expect(gate.waiting).toBe(4);
    release();
    await Promise.all(waiting);
    expect(order).toEqual(['enterprise', 'premium', 'free 1', 'free 2']);
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it('never lets a newcomer overtake the queue when a slot frees', async () => {
    const { gate } = setUp(1);
    const release = await gate.acquire(0);
    const queued = gate.acquire(0);
    release();
    const newcomer = gate.acquire(10);
    expect(gate.waiting).toBe(1);
    (await queued)();
    await newcomer;
    expect(gate.running).toBe(1);
  });

  it('refuses with gateway-saturated once the wait runs out, and forgets the waiter', async () => {
    const { gate, clock } = setUp(1, 1000);
    await gate.acquire(0);
    const waiting = gate.acquire(10).catch((error: unknown) => error);
    await clock.advance(999);
    expect(gate.waiting).toBe(1);
    await clock.advance(1);
    const error = (await waiting) as TenancyError;
    expect(error).toBeInstanceOf(TenancyError);
    expect(error.kind).toBe('gateway-saturated');
    expect(error.details.retryAfterMs).toBe(1000);
    expect(gate.waiting).toBe(0);
  });

  it('refuses at once when the queue timeout is 0', async () => {
    const { gate } = setUp(1, 0);
    await gate.acquire(0);
    await expect(gate.acquire(0)).rejects.toMatchObject({ kind: 'gateway-saturated' });
  });

  it('drops a waiter whose caller left, and releasing twice frees one slot', async () => {
    const { gate, clock } = setUp(1);
    const release = await gate.acquire(0);
    const controller = new AbortController();
    const left = gate.acquire(0, controller.signal);
    controller.abort(new Error('caller left'));
    await expect(left).rejects.toThrow('caller left');
    expect(gate.waiting).toBe(0);
    expect(clock.pending()).toBe(0);
    release();
    release();
    expect(gate.running).toBe(0);
  });
});
