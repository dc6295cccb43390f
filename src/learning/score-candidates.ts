import type { Evidence } from './blend-evidence.js';
import { getDecayFactor } from './get-decay-factor.js';
import { sampleBeta, sampleStandardNormal, type Random } from './sample-distributions.js';
import type { ScoreWeights } from './score-weights.js';

/** The four terms of a score, each normalised to 0..1 across the candidates (1: the best of them). */
export interface ScoreTerms {
  reliability: number;
  speed: number;
  quality: number;
  recency: number;
}

/** One candidate's score and the terms it was summed from. */
export interface CandidateScore {
  targetId: string;
  /** `Σ weight·term`, in 0..1 when the weights sum to 1. */
  score: number;
  terms: ScoreTerms;
}

/** How candidates are scored: the weights, the timing that counts, and whether to draw. */
export interface ScoreOptions {
  weights: ScoreWeights;
  /** Streams are judged by time to first token, other calls by full-answer latency. */
  isStream: boolean;
  now: number;
  /** Recency halves every half-life since the last success, like the evidence. */
  halfLifeInMs: number;
  /** Given: Thompson sampling (each term drawn from its posterior). Absent: the posterior means. */
  random?: Random;
}

/**
 * Log-space spread of an unmeasured target's latency around the route's typical one: one standard
 * deviation is a factor of e (~2.7), wide enough that a new target is sometimes drawn as the fastest.
 */
const priorLogVariance = 1;
/** The least per-measurement spread assumed (±20%): a few identical timings do not make a certainty. */
const minimumLogVariance = 0.04;
/**
 * How far a target's true latency may have wandered, as log-space variance per half-life without a
 * measurement (a random walk). Decay alone widens a posterior slowly when timings are steady: two old
 * measurements of a slow target make it look certainly slow long after it may have recovered. The drift
 * keeps an idle target's speed uncertain, so Thompson sampling tries it again.
 */
export const latencyDriftPerHalfLife = 0.5;
/** Evidence below this is rounding left after decay, not a measurement. */
const epsilon = 1e-6;

/**
 * Scores a route's candidates. Reliability is Beta(1 + successes, 1 + failures); quality Beta(1 +
 * positive, 1 + negative), and equal for all while no candidate has quality evidence; speed is the
 * posterior of the mean log latency (Normal, a prior centred on the measured candidates, its spread
 * shrinking with evidence and widening again while the target sits idle) turned into `fastest / own`;
 * recency is `0.5^(age of the last success / half-life)` (0 for a target that only failed, 0.5 for one
 * never tried). Reliability, quality and recency are divided by the best candidate's value, so each term
 * is 1 for the best and keeps its proportions below it (a min–max scale would turn 0.95 vs 0.96 into 0
 * vs 1).
 */
export function scoreCandidates(
  candidates: ReadonlyArray<{ targetId: string; evidence: Evidence }>,
  options: ScoreOptions,
): CandidateScore[] {
  const { random, weights } = options;
  const reliability = normalize(
    candidates.map(({ evidence }) =>
      drawBeta(1 + evidence.reliability.successes, 1 + evidence.reliability.failures, random),
    ),
  );
  const hasQuality = candidates.some(
    ({ evidence }) => evidence.quality.positive + evidence.quality.negative > epsilon,
  );
  const quality = normalize(
    candidates.map(({ evidence }) =>
      hasQuality ? drawBeta(1 + evidence.quality.positive, 1 + evidence.quality.negative, random) : 1,
    ),
  );
  const speed = getSpeedTerms(candidates, options, random);
  const recency = normalize(candidates.map(({ evidence }) => getRecency(evidence, options)));
  return candidates.map(({ targetId }, index) => {
    const terms: ScoreTerms = {
      reliability: reliability[index]!,
      speed: speed[index]!,
      quality: quality[index]!,
      recency: recency[index]!,
    };
    const score =
      weights.reliability * terms.reliability +
      weights.speed * terms.speed +
      weights.quality * terms.quality +
      weights.recency * terms.recency;
    return { targetId, score, terms };
  });
}

function drawBeta(alpha: number, beta: number, random: Random | undefined): number {
  return random ? sampleBeta(alpha, beta, random) : alpha / (alpha + beta);
}

/** Each value over the largest; all 1 when none is above 0 (nothing tells the candidates apart). */
function normalize(values: number[]): number[] {
  const best = Math.max(0, ...values);
  return best > 0 ? values.map((value) => value / best) : values.map(() => 1);
}

function getSpeedTerms(
  candidates: ReadonlyArray<{ evidence: Evidence }>,
  options: ScoreOptions,
  random: Random | undefined,
): number[] {
  const { isStream, now, halfLifeInMs } = options;
  // The timing the caller waits on; the other one when no candidate has been measured that way yet.
  const metric = (isStream ? (['ttft', 'latency'] as const) : (['latency', 'ttft'] as const)).find((name) =>
    candidates.some(({ evidence }) => evidence[name].weight > epsilon),
  );
  if (!metric) return candidates.map(() => 1);
  const measured = candidates
    .map(({ evidence }) => evidence[metric])
    .filter((timing) => timing.weight > epsilon);
  const priorMean =
    measured.reduce((sum, timing) => sum + timing.sumOfLogs / timing.weight, 0) / measured.length;
  const logLatencies = candidates.map(({ evidence }) => {
    const { weight, sumOfLogs, sumOfSquaredLogs } = evidence[metric];
    let precision = 1 / priorLogVariance;
    let mean = priorMean;
    if (weight > epsilon) {
      const ownMean = sumOfLogs / weight;
      const variance = Math.max(minimumLogVariance, sumOfSquaredLogs / weight - ownMean * ownMean);
      precision += weight / variance;
      mean = (priorMean / priorLogVariance + (weight * ownMean) / variance) / precision;
    }
    if (!random) return mean;
    const idleHalfLives =
      evidence.lastAttemptAt === undefined ? 0 : Math.max(0, now - evidence.lastAttemptAt) / halfLifeInMs;
    const spread = Math.sqrt(1 / precision + latencyDriftPerHalfLife * idleHalfLives);
    return mean + sampleStandardNormal(random) * spread;
  });
  const fastest = Math.min(...logLatencies);
  return logLatencies.map((value) => Math.exp(fastest - value));
}

function getRecency(evidence: Evidence, options: ScoreOptions): number {
  if (evidence.lastSuccessAt !== undefined)
    return getDecayFactor(options.now - evidence.lastSuccessAt, options.halfLifeInMs);
  const { successes, failures } = evidence.reliability;
  return successes + failures > epsilon ? 0 : 0.5;
}
