import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../routing/outcome.js';
import { createModelStatusTracker } from './create-model-status-tracker.js';

function outcome(isSuccess: boolean, extra: Partial<Outcome> = {}): Outcome {
  return {
    requestId: 'req_1',
    targetId: 'groq/m@groq#1',
    provider: 'groq',
    model: 'm',
    credentialId: 'groq#1',
    isStream: false,
    isSuccess,
    errorKind: isSuccess ? undefined : 'server',
    startedAt: 1_700_000_000_000,
    latencyInMs: 400,
    ...extra,
  };
}

describe('createModelStatusTracker', () => {
  it('says online with nulls, and why, for a model never tried', () => {
    expect(createModelStatusTracker().get('groq', 'm')).toEqual({
      provider: 'groq',
      model: 'm',
      status: 'online',
      response_time_avg: null,
      error_rate: null,
      last_check: null,
      samples: 0,
      note: 'no attempt yet: assumed online',
    });
  });

  it('averages the time to the first token of streams and the latency of the rest, in seconds', () => {
    const tracker = createModelStatusTracker();
    tracker.observe(outcome(true, { latencyInMs: 400 }));
    tracker.observe(outcome(true, { isStream: true, latencyInMs: 5000, ttftInMs: 200 }));
    expect(tracker.get('groq', 'm')).toMatchObject({
      status: 'online',
      response_time_avg: 0.3,
      error_rate: 0,
      last_check: new Date(1_700_000_000_000 + 5000).toISOString(),
      samples: 2,
    });
  });

  it('goes degraded above a 25 % error rate, offline after three failures in a row, and back', () => {
    const tracker = createModelStatusTracker();
    for (let index = 0; index < 6; index++) tracker.observe(outcome(true));
    tracker.observe(outcome(false));
    tracker.observe(outcome(false));
    expect(tracker.get('groq', 'm')).toMatchObject({ status: 'online', error_rate: 0.25 });
    tracker.observe(outcome(false));
    tracker.observe(outcome(true));
    tracker.observe(outcome(false));
    tracker.observe(outcome(false));
    expect(tracker.get('groq', 'm')).toMatchObject({ status: 'degraded', error_rate: 0.417 });
    tracker.observe(outcome(false));
    expect(tracker.get('groq', 'm').status).toBe('offline');
    tracker.observe(outcome(true));
    expect(tracker.get('groq', 'm').status).toBe('degraded');
  });

  it('calls a slow model degraded, and ignores failures the caller caused', () => {
    const tracker = createModelStatusTracker({ slowInMs: 1000 });
    tracker.observe(outcome(true, { latencyInMs: 2000 }));
    for (const kind of ['cancelled', 'bad-request', 'context-length'] as const)
      tracker.observe(outcome(false, { errorKind: kind }));
    expect(tracker.get('groq', 'm')).toMatchObject({ status: 'degraded', error_rate: 0, samples: 1 });
  });

  it('remembers the last attempts only, and a bounded number of models', () => {
    const tracker = createModelStatusTracker({ windowSize: 3, maxModels: 2 });
    for (let index = 0; index < 3; index++) tracker.observe(outcome(false));
    for (let index = 0; index < 3; index++) tracker.observe(outcome(true));
    expect(tracker.get('groq', 'm')).toMatchObject({ status: 'online', samples: 3, error_rate: 0 });
    tracker.observe(outcome(true, { model: 'b' }));
    tracker.observe(outcome(true, { model: 'c' }));
    expect(tracker.seen()).toEqual([
      { provider: 'groq', model: 'b' },
      { provider: 'groq', model: 'c' },
    ]);
  });
});
