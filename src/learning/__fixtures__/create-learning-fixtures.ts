import type { Clock } from '../../lib/clock.js';
import type { Outcome } from '../../routing/outcome.js';

/** A successful non-streamed outcome of `targetId` on route `smart`, unless `fields` say otherwise. */
export function createOutcome(targetId: string, fields: Partial<Outcome> = {}): Outcome {
  const [provider = 'test', rest = 'model@key'] = targetId.split('/');
  return {
    requestId: 'req_test',
    route: 'smart',
    targetId,
    provider,
    model: rest.slice(0, rest.lastIndexOf('@')),
    credentialId: rest.slice(rest.lastIndexOf('@') + 1),
    isStream: false,
    isSuccess: true,
    startedAt: 0,
    latencyInMs: 100,
    ...fields,
  };
}

/** A clock moved by hand; nothing sleeps. */
export function createManualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: () => new Promise(() => undefined),
    advance(ms) {
      now += ms;
    },
  };
}

/** mulberry32, a small seeded PRNG: Thompson draws that repeat from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
