import { getDecayFactor } from './get-decay-factor.js';

/**
 * A timing's decayed sums: the count of measurements (`weight`), their sum, and the sum and sum of
 * squares of their logarithms. Sums rather than means because every one of them decays by the same factor
 * and adds linearly, so states can be decayed lazily, merged and subtracted exactly (see blendEvidence).
 * Logarithms because latencies are skewed: a spread in log space says "within a factor of", which is how
 * a 200 ms target and a 2 s one differ.
 */
export interface TimingSums {
  weight: number;
  sum: number;
  sumOfLogs: number;
  sumOfSquaredLogs: number;
}

/** A decayed average's sums. */
export interface MeanSums {
  weight: number;
  sum: number;
}

/** Counts that never decay, for reports (`GET /performance`). */
export interface LearningTotals {
  /** Attempts seen, however they ended. */
  attempts: number;
  successes: number;
  /** Failures that count against the target (not the caller's own bad requests, not cancellations). */
  failures: number;
  promptTokens: number;
  completionTokens: number;
  costInUsd: number;
  qualitySignals: number;
  competitionWins: number;
  competitionEntries: number;
}

/**
 * What the learning layer knows about one target on one route (or on every route: `*`). Plain data, so a
 * snapshot is this object as JSON. The decayed parts are as of `decayedAt`; the totals and the recent
 * samples do not decay.
 */
export interface LearningState {
  version: 1;
  /** Unix ms the decayed parts were last brought up to date. */
  decayedAt: number;
  /** The reliability posterior's evidence: Beta(1 + successes, 1 + failures). */
  reliability: { successes: number; failures: number };
  /** Quality evidence, weighed by source: Beta(1 + positive, 1 + negative). */
  quality: { positive: number; negative: number };
  /** Non-streamed calls, start to full answer. */
  latency: TimingSums;
  /** Streams, start to the first content part. */
  ttft: TimingSums;
  tokensPerSecond: MeanSums;
  /** USD per successful attempt, from the price table. */
  costInUsd: MeanSums;
  lastSuccessAt?: number;
  lastFailureAt?: number;
  totals: LearningTotals;
  /** The most recent measurements, oldest first, for quantiles. */
  samples: { latency: number[]; ttft: number[] };
}

/** Measurements kept per timing for quantiles: a p95 of 64 values is the 61st, a real measurement. */
export const sampleCapacity = 64;

const emptyTiming = (): TimingSums => ({ weight: 0, sum: 0, sumOfLogs: 0, sumOfSquaredLogs: 0 });

/** A state with no evidence yet, decayed as of `now`. */
export function createLearningState(now: number): LearningState {
  return {
    version: 1,
    decayedAt: now,
    reliability: { successes: 0, failures: 0 },
    quality: { positive: 0, negative: 0 },
    latency: emptyTiming(),
    ttft: emptyTiming(),
    tokensPerSecond: { weight: 0, sum: 0 },
    costInUsd: { weight: 0, sum: 0 },
    totals: {
      attempts: 0,
      successes: 0,
      failures: 0,
      promptTokens: 0,
      completionTokens: 0,
      costInUsd: 0,
      qualitySignals: 0,
      competitionWins: 0,
      competitionEntries: 0,
    },
    samples: { latency: [], ttft: [] },
  };
}

/** Brings the decayed parts of `state` up to `now`, in place. Never decays backwards. */
export function decayLearningState(state: LearningState, now: number, halfLifeInMs: number): void {
  if (now <= state.decayedAt) return;
  const factor = getDecayFactor(now - state.decayedAt, halfLifeInMs);
  state.decayedAt = now;
  scale(state.reliability, factor);
  scale(state.quality, factor);
  scale(state.latency, factor);
  scale(state.ttft, factor);
  scale(state.tokensPerSecond, factor);
  scale(state.costInUsd, factor);
}

function scale<T extends object>(sums: T, factor: number): void {
  const record = sums as Record<string, number>;
  for (const key of Object.keys(record)) record[key] = record[key]! * factor;
}

/** Adds one measurement to a timing's sums and its recent sample. */
export function addTiming(sums: TimingSums, sample: number[], valueInMs: number): void {
  // One millisecond at least: the logarithm of a 0 ms answer (a cache, a fake) must stay finite.
  const log = Math.log(Math.max(1, valueInMs));
  sums.weight += 1;
  sums.sum += valueInMs;
  sums.sumOfLogs += log;
  sums.sumOfSquaredLogs += log * log;
  // A tenth of a millisecond is plenty for a p95, and keeps every snapshot's JSON short.
  sample.push(Math.round(valueInMs * 10) / 10);
  if (sample.length > sampleCapacity) sample.splice(0, sample.length - sampleCapacity);
}

/** The decayed average, or undefined without evidence. */
export function getMean(sums: MeanSums): number | undefined {
  return sums.weight > 1e-9 ? sums.sum / sums.weight : undefined;
}

/** The nearest-rank quantile (q in 0..1) of a sample: always a value that was measured. */
export function getQuantile(sample: readonly number[], q: number): number | undefined {
  if (sample.length === 0) return undefined;
  const sorted = [...sample].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * sorted.length));
  return sorted[rank - 1];
}
