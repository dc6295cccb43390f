import { describe, expect, it } from 'vitest';
import { createOutcome } from './__fixtures__/create-learning-fixtures.js';
import { createLearningState, getMean } from './learning-state.js';
import {
  applyCompetition,
  applyOutcome,
  applyQuality,
  applySeed,
  qualitySourceWeights,
  withdrawQuality,
} from './update-learning-state.js';

const target = 'groq/llama@groq#1';

describe('applyOutcome', () => {
  it('a success adds to the Beta posterior, the latency, the cost, the tokens and the last success', () => {
    const state = createLearningState(0);
    const usage = { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 };
    applyOutcome(state, createOutcome(target, { latencyInMs: 500, usage }), 0.002, 7_000);
    expect(state.reliability).toEqual({ successes: 1, failures: 0 });
    expect(getMean(state.latency)).toBe(500);
    expect(getMean(state.tokensPerSecond)).toBe(100);
    expect(getMean(state.costInUsd)).toBe(0.002);
    expect(state.lastSuccessAt).toBe(7_000);
    expect(state.totals).toMatchObject({
      attempts: 1,
      successes: 1,
      failures: 0,
      promptTokens: 100,
      completionTokens: 50,
      costInUsd: 0.002,
    });
  });

  it.each(['server', 'timeout', 'rate-limited', 'auth', 'not-found'] as const)(
    'a %s failure counts against the target, without a latency',
    (errorKind) => {
      const state = createLearningState(0);
      applyOutcome(
        state,
        createOutcome(target, { isSuccess: false, errorKind, latencyInMs: 5 }),
        undefined,
        9,
      );
      expect(state.reliability).toEqual({ successes: 0, failures: 1 });
      expect(state.latency.weight).toBe(0);
      expect(state.lastFailureAt).toBe(9);
      expect(state.totals).toMatchObject({ attempts: 1, failures: 1 });
    },
  );

  it.each(['bad-request', 'context-length', 'content-filter', 'cancelled'] as const)(
    'a %s outcome is the caller’s doing: counted as an attempt, nothing else',
    (errorKind) => {
      const state = createLearningState(0);
      applyOutcome(state, createOutcome(target, { isSuccess: false, errorKind }), undefined, 9);
      expect(state.reliability).toEqual({ successes: 0, failures: 0 });
      expect(state.lastFailureAt).toBeUndefined();
      expect(state.totals).toMatchObject({ attempts: 1, failures: 0 });
    },
  );

  it('a failure without a kind is blamed on the target', () => {
    const state = createLearningState(0);
    applyOutcome(state, createOutcome(target, { isSuccess: false }), undefined, 1);
    expect(state.reliability.failures).toBe(1);
  });

  it('streams: time to first token from any committed stream, generation speed after it', () => {
    const state = createLearningState(0);
    const usage = { prompt_tokens: 10, completion_tokens: 200, total_tokens: 210 };
    applyOutcome(
      state,
      createOutcome(target, { isStream: true, ttftInMs: 300, latencyInMs: 2_300, usage }),
      undefined,
      1,
    );
    // Cut off after it committed: its time to first token still says how fast it starts.
    applyOutcome(
      state,
      createOutcome(target, { isStream: true, isSuccess: false, errorKind: 'network', ttftInMs: 500 }),
      undefined,
      2,
    );
    expect(state.latency.weight).toBe(0);
    expect(state.samples.ttft).toEqual([300, 500]);
    expect(getMean(state.tokensPerSecond)).toBe(100);
  });

  it('ignores a generation too short to time', () => {
    const state = createLearningState(0);
    const usage = { prompt_tokens: 10, completion_tokens: 200, total_tokens: 210 };
    applyOutcome(state, createOutcome(target, { latencyInMs: 3, usage }), undefined, 1);
    expect(state.tokensPerSecond.weight).toBe(0);
  });
});

describe('quality, competitions and seeds', () => {
  it('weighs quality by source: user 1, judge 0.5, consensus 0.25', () => {
    expect(qualitySourceWeights).toEqual({ user: 1, judge: 0.5, consensus: 0.25 });
    const state = createLearningState(0);
    applyQuality(state, 0.8, 'user');
    applyQuality(state, 0.2, 'judge');
    applyQuality(state, 1, 'consensus');
    expect(state.quality.positive).toBeCloseTo(0.8 + 0.1 + 0.25, 12);
    expect(state.quality.negative).toBeCloseTo(0.2 + 0.4, 12);
    expect(state.totals.qualitySignals).toBe(3);
  });

  it('withdraws an earlier score as decayed since, never below zero', () => {
    const state = createLearningState(0);
    applyQuality(state, 1, 'user');
    withdrawQuality(state, 1, 'user', 0.5);
    expect(state.quality).toEqual({ positive: 0.5, negative: 0 });
    withdrawQuality(state, 0, 'user', 1);
    expect(state.quality).toEqual({ positive: 0.5, negative: 0 });
    expect(state.totals.qualitySignals).toBe(0);
  });

  it('counts competition entries and wins without scoring them', () => {
    const state = createLearningState(0);
    applyCompetition(state, true);
    applyCompetition(state, false);
    expect(state.totals).toMatchObject({ competitionEntries: 2, competitionWins: 1 });
    expect(state.reliability).toEqual({ successes: 0, failures: 0 });
  });

  it('a seed is evidence like a live call, but no request', () => {
    const state = createLearningState(0);
    applySeed(state, { isSuccess: true, latencyInMs: 800, ttftInMs: 200, tokensPerSecond: 90 }, 5);
    applySeed(state, { isSuccess: false, latencyInMs: 30 }, 6);
    expect(state.reliability).toEqual({ successes: 1, failures: 1 });
    expect(state.samples).toEqual({ latency: [800], ttft: [200] });
    expect(getMean(state.tokensPerSecond)).toBe(90);
    expect(state).toMatchObject({ lastSuccessAt: 5, lastFailureAt: 6 });
    expect(state.totals.attempts).toBe(0);
  });
});
