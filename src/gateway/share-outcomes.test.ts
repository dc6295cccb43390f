import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import type { Outcome } from '../routing/outcome.js';
import { createMemoryEventBus } from '../store/memory/create-memory-event-bus.js';
import { shareOutcomes } from './share-outcomes.js';

const outcome = (requestId: string): Outcome => ({
  requestId,
  targetId: 'groq/llama',
  provider: 'groq',
  model: 'llama',
  credentialId: 'groq#1',
  isStream: false,
  isSuccess: false,
  errorKind: 'server',
  status: 500,
  startedAt: 1,
  latencyInMs: 20,
});
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('shareOutcomes', () => {
  it('publishes local outcomes in batches to the other instances only, marked remote', async () => {
    const bus = createMemoryEventBus();
    const clock = createFakeClock();
    const heardByA: Outcome[] = [];
    const heardByB: Outcome[] = [];
    const a = await shareOutcomes({ bus, clock, onRemote: (o) => heardByA.push(o) });
    const b = await shareOutcomes({ bus, clock, onRemote: (o) => heardByB.push(o) });
    a.share(outcome('r1'));
    a.share(outcome('r2'));
    await settle();
    expect(heardByB).toEqual([]);
    await clock.advance(200);
    await settle();
    expect(heardByB.map((o) => [o.requestId, o.isRemote])).toEqual([
      ['r1', true],
      ['r2', true],
    ]);
    expect(heardByA).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('never re-shares a remote outcome, and publishes a full batch at once', async () => {
    const bus = createMemoryEventBus();
    const messages: string[] = [];
    await bus.subscribe('outcomes', (message) => messages.push(message));
    const sharing = await shareOutcomes({
      bus,
      clock: createFakeClock(),
      maxBatch: 2,
      onRemote: () => undefined,
    });
    sharing.share({ ...outcome('remote'), isRemote: true });
    sharing.share(outcome('r1'));
    sharing.share(outcome('r2'));
    await settle();
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0]!).outcomes.map((o: Outcome) => o.requestId)).toEqual(['r1', 'r2']);
    await sharing.close();
  });

  it('reports a failing bus once and keeps going', async () => {
    const bus = createMemoryEventBus();
    const failing = { ...bus, publish: () => Promise.reject(new Error('ECONNREFUSED')) };
    const reports: string[] = [];
    const sharing = await shareOutcomes({
      bus: failing,
      clock: createFakeClock(),
      onRemote: () => undefined,
      onError: (_e, message) => reports.push(message),
    });
    sharing.share(outcome('r1'));
    await sharing.flush();
    sharing.share(outcome('r2'));
    await sharing.flush();
    expect(reports).toEqual(['sharing 1 outcomes with other instances failed']);
    await sharing.close();
  });
});
