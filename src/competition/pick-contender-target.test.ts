import { describe, expect, it } from 'vitest';
import { createFakeAdapter, createFakeTarget } from '../../test/support/create-fake-adapter.js';
import type { GateDecision, TargetGate } from '../routing/target-gate.js';
import { pickContenderTarget } from './pick-contender-target.js';

const { adapter } = createFakeAdapter('groq', [{ response: 'OK' }]);
const keys = ['groq#1', 'groq#2', 'groq#3'].map((id) => createFakeTarget('groq', adapter, 'llama', id));

function gateOf(decisions: Record<string, GateDecision>): TargetGate {
  return {
    check: (target) => decisions[target.credential.id] ?? { kind: 'go' },
    begin: () => undefined,
    end: () => undefined,
  };
}

describe('pickContenderTarget', () => {
  it('takes the first key the gate lets through', () => {
    const gate = gateOf({ 'groq#1': { kind: 'skip', reason: 'key disabled (auth)' } });
    expect(pickContenderTarget({ name: 'groq', targets: keys }, gate, 10)).toEqual({ target: keys[1] });
  });

  it('falls back on a key the gate only advised against, then reports the refusal', () => {
    const advised = gateOf({
      'groq#1': { kind: 'skip', reason: 'key disabled (auth)' },
      'groq#2': { kind: 'skip', reason: 'circuit breaker open', isSoft: true },
      'groq#3': { kind: 'wait', waitInMs: 500, reason: 'rate limit' },
    });
    expect(pickContenderTarget({ name: 'groq', targets: keys }, advised, 10)).toEqual({ target: keys[1] });
    const refused = gateOf({
      'groq#1': { kind: 'skip', reason: 'key disabled (auth)' },
      'groq#2': { kind: 'skip', reason: 'key disabled (quota)' },
      'groq#3': { kind: 'skip', reason: 'key disabled (auth)' },
    });
    expect(pickContenderTarget({ name: 'groq', targets: keys }, refused, 10)).toEqual({
      target: keys[0],
      skipped: 'key disabled (auth)',
    });
  });
});
