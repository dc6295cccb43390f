import { describe, expect, it } from 'vitest';
import type { Outcome } from '../outcome.js';
import { createTargetStats } from './target-stats.js';

function outcome(fields: Partial<Outcome> & Pick<Outcome, 'latencyInMs'>): Outcome {
  return {
    requestId: 'req_1',
    targetId: 'groq/llama@groq#1',
    provider: 'groq',
    model: 'llama',
    credentialId: 'groq#1',
    isStream: false,
    isSuccess: true,
    startedAt: 10_000,
    ...fields,
  };
}

describe('target stats: averages', () => {
  it('smooths latency with an EWMA of weight 0.2, starting from the first sample', () => {
    const stats = createTargetStats();
    stats.record(outcome({ latencyInMs: 100 }));
    expect(stats.average('groq/llama@groq#1', 'latency')).toBe(100);
    stats.record(outcome({ latencyInMs: 200 }));
    expect(stats.average('groq/llama@groq#1', 'latency')).toBeCloseTo(120, 9); // 0.2·200 + 0.8·100
    stats.record(outcome({ latencyInMs: 300 }));
    expect(stats.average('groq/llama@groq#1', 'latency')).toBeCloseTo(156, 9); // 0.2·300 + 0.8·120
  });

  it('honours a configured smoothing and refuses one outside (0, 1]', () => {
    const stats = createTargetStats({ smoothing: 0.5 });
    stats.record(outcome({ latencyInMs: 100 }));
    stats.record(outcome({ latencyInMs: 300 }));
    expect(stats.average('groq/llama@groq#1', 'latency')).toBe(200);
    expect(() => createTargetStats({ smoothing: 0 })).toThrow(RangeError);
    expect(() => createTargetStats({ smoothing: 1.5 })).toThrow('smoothing');
  });

  it('keeps streams apart: time to first token and stream duration, not call latency', () => {
    const stats = createTargetStats();
    stats.record(outcome({ isStream: true, latencyInMs: 4_000, ttftInMs: 250 }));
    expect(stats.average('groq/llama@groq#1', 'ttft')).toBe(250);
    expect(stats.average('groq/llama@groq#1', 'stream-duration')).toBe(4_000);
    expect(stats.average('groq/llama@groq#1', 'latency')).toBeUndefined();
  });

  it('measures nothing from failures except the time to first token of a committed stream', () => {
    const stats = createTargetStats();
    stats.record(outcome({ isSuccess: false, errorKind: 'rate-limited', latencyInMs: 5 }));
    expect(stats.average('groq/llama@groq#1', 'latency')).toBeUndefined();
    stats.record(
      outcome({ isStream: true, isSuccess: false, errorKind: 'network', latencyInMs: 900, ttftInMs: 300 }),
    );
    expect(stats.average('groq/llama@groq#1', 'ttft')).toBe(300);
    expect(stats.average('groq/llama@groq#1', 'stream-duration')).toBeUndefined();
  });
});

describe('target stats: quantiles', () => {
  it('answers quantiles of the recent sample per metric', () => {
    const stats = createTargetStats();
    for (const ttftInMs of [100, 400, 200, 300, 1_000])
      stats.record(outcome({ isStream: true, latencyInMs: 2_000, ttftInMs }));
    expect(stats.quantile('groq/llama@groq#1', 0.9, 'ttft')).toBe(1_000);
    expect(stats.quantile('groq/llama@groq#1', 0.5, 'ttft')).toBe(300);
    expect(stats.quantile('groq/llama@groq#1', 0.9, 'latency')).toBeUndefined();
    expect(stats.quantile('unknown', 0.9, 'ttft')).toBeUndefined();
  });

  it('gives the recent sample of each timing, stream durations included, for histograms', () => {
    const stats = createTargetStats({ sampleSize: 2 });
    const id = 'groq/llama@groq#1';
    expect(stats.samples(id, 'latency')).toEqual([]);
    for (const latencyInMs of [100, 200, 300]) stats.record(outcome({ latencyInMs }));
    stats.record(outcome({ isStream: true, latencyInMs: 4_000, ttftInMs: 250 }));
    expect(stats.samples(id, 'latency').sort((a, b) => a - b)).toEqual([200, 300]);
    expect(stats.samples(id, 'stream-duration')).toEqual([4_000]);
    expect(stats.samples(id, 'ttft')).toEqual([250]);
    stats.samples(id, 'ttft').push(1);
    expect(stats.samples(id, 'ttft')).toEqual([250]);
  });

  it('caps the sample, so old measurements leave', () => {
    const stats = createTargetStats({ sampleSize: 2 });
    for (const latencyInMs of [5_000, 100, 200]) stats.record(outcome({ latencyInMs }));
    expect(stats.quantile('groq/llama@groq#1', 1, 'latency')).toBe(200);
  });
});

describe('target stats: counts, in-flight and memory', () => {
  it('counts successes and target failures in the window, not the caller’s faults or cancellations', () => {
    const stats = createTargetStats({ windowInMs: 60_000, windowBuckets: 6 });
    stats.record(outcome({ latencyInMs: 100 }));
    for (const errorKind of [
      'server',
      'auth',
      'not-found',
      'bad-request',
      'content-filter',
      'cancelled',
    ] as const)
      stats.record(outcome({ isSuccess: false, errorKind, latencyInMs: 50 }));
    expect(stats.counts('groq/llama@groq#1', 10_100)).toEqual({ successes: 1, failures: 3 });
    expect(stats.counts('groq/llama@groq#1', 80_000)).toEqual({ successes: 0, failures: 0 });
    expect(stats.lastSuccessAt('groq/llama@groq#1')).toBe(10_100);
  });

  it('tracks attempts in flight and never goes below zero', () => {
    const stats = createTargetStats();
    stats.begin('a');
    stats.begin('a');
    stats.end('a');
    expect(stats.inFlight('a')).toBe(1);
    stats.end('a');
    stats.end('a');
    expect(stats.inFlight('a')).toBe(0);
    expect(stats.inFlight('never-seen')).toBe(0);
  });

  it('forgets the least recently used idle target past the cap', () => {
    const stats = createTargetStats({ maxTargets: 2 });
    stats.begin('busy');
    stats.record(outcome({ targetId: 'idle', latencyInMs: 100 }));
    stats.record(outcome({ targetId: 'new', latencyInMs: 100 }));
    expect(stats.snapshot(10_100).map((entry) => entry.targetId)).toEqual(['busy', 'new']);
  });

  it('snapshots every target for dashboards', () => {
    const stats = createTargetStats();
    stats.begin('groq/llama@groq#1');
    stats.record(outcome({ latencyInMs: 100 }));
    stats.record(outcome({ isStream: true, latencyInMs: 900, ttftInMs: 80 }));
    expect(stats.snapshot(11_000)).toEqual([
      {
        targetId: 'groq/llama@groq#1',
        inFlight: 1,
        successes: 2,
        failures: 0,
        lastSuccessAt: 10_900,
        average: { latency: 100, ttft: 80, 'stream-duration': 900 },
        p50: { latency: 100, ttft: 80 },
        p90: { latency: 100, ttft: 80 },
      },
    ]);
  });
});
