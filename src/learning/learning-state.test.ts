import { describe, expect, it } from 'vitest';
import {
  addTiming,
  createLearningState,
  decayLearningState,
  getMean,
  getQuantile,
  sampleCapacity,
} from './learning-state.js';

const hour = 3_600_000;

describe('learning state', () => {
  it('decays every evidence sum by elapsed time, and leaves totals, samples and times alone', () => {
    const state = createLearningState(0);
    state.reliability = { successes: 8, failures: 4 };
    state.quality = { positive: 2, negative: 1 };
    addTiming(state.latency, state.samples.latency, 400);
    state.tokensPerSecond = { weight: 2, sum: 100 };
    state.costInUsd = { weight: 4, sum: 0.2 };
    state.totals.attempts = 12;
    state.lastSuccessAt = 0;
    decayLearningState(state, 2 * hour, hour);
    expect(state.decayedAt).toBe(2 * hour);
    expect(state.reliability).toEqual({ successes: 2, failures: 1 });
    expect(state.quality).toEqual({ positive: 0.5, negative: 0.25 });
    expect(state.latency.weight).toBeCloseTo(0.25, 12);
    expect(state.latency.sumOfLogs).toBeCloseTo(0.25 * Math.log(400), 12);
    expect(state.tokensPerSecond).toEqual({ weight: 0.5, sum: 25 });
    expect(state.costInUsd.weight).toBeCloseTo(1, 12);
    // Means survive decay: only how much the next measurement moves them changes.
    expect(getMean(state.latency)).toBeCloseTo(400, 9);
    expect(getMean(state.tokensPerSecond)).toBe(50);
    expect(state.totals.attempts).toBe(12);
    expect(state.samples.latency).toEqual([400]);
    expect(state.lastSuccessAt).toBe(0);
  });

  it('decayed lazily in steps, ends where one decay would', () => {
    const once = createLearningState(0);
    const stepwise = createLearningState(0);
    for (const state of [once, stepwise]) state.reliability.successes = 10;
    decayLearningState(once, 90 * 60_000, hour);
    for (const now of [10, 25, 60, 90]) decayLearningState(stepwise, now * 60_000, hour);
    expect(stepwise.reliability.successes).toBeCloseTo(once.reliability.successes, 12);
  });

  it('never decays backwards', () => {
    const state = createLearningState(5_000);
    state.reliability.successes = 3;
    decayLearningState(state, 1_000, hour);
    expect(state).toMatchObject({ decayedAt: 5_000, reliability: { successes: 3 } });
  });

  it('adds a timing to its sums (logs of at least 1 ms) and keeps the newest measurements only', () => {
    const state = createLearningState(0);
    addTiming(state.ttft, state.samples.ttft, 0);
    expect(state.ttft).toEqual({ weight: 1, sum: 0, sumOfLogs: 0, sumOfSquaredLogs: 0 });
    for (let index = 1; index <= sampleCapacity + 5; index++)
      addTiming(state.ttft, state.samples.ttft, index);
    expect(state.samples.ttft).toHaveLength(sampleCapacity);
    expect(state.samples.ttft[0]).toBe(6);
    expect(state.samples.ttft.at(-1)).toBe(sampleCapacity + 5);
  });

  it('quantiles are nearest-rank, always a measured value', () => {
    const sample = Array.from({ length: 20 }, (_, index) => (index + 1) * 10);
    expect(getQuantile(sample, 0.95)).toBe(190);
    expect(getQuantile(sample, 0.5)).toBe(100);
    expect(getQuantile(sample, 1)).toBe(200);
    expect(getQuantile([], 0.95)).toBeUndefined();
    expect(getMean({ weight: 0, sum: 0 })).toBeUndefined();
  });
});
