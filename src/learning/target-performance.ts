import { getMean, getQuantile, type LearningState, type TimingSums } from './learning-state.js';
import { parseTargetId } from './parse-target-id.js';
import type { CandidateScore, ScoreTerms } from './score-candidates.js';

/** A timing as reported: the decayed average and the 95th percentile of the recent sample. */
export interface TimingReport {
  averageInMs: number | null;
  p95InMs: number | null;
}

/** One target's performance on one route (or on every route: `*`), for `GET /performance`. */
export interface TargetPerformance {
  targetId: string;
  provider: string;
  model: string;
  /** The key's safe label, never the key. */
  keyId: string;
  route: string;
  /** Attempts sent to the target since its statistics were first kept. */
  requests: number;
  successes: number;
  /** Failures that count against the target (not the caller's bad requests, not cancellations). */
  failures: number;
  /** `successes / (successes + failures)`; null before either. */
  successRate: number | null;
  latency: TimingReport;
  ttft: TimingReport;
  promptTokens: number;
  completionTokens: number;
  tokensPerSecond: number | null;
  costInUsd: number;
  /** Decayed average cost of a successful attempt; null when the price is unknown. */
  averageCostInUsd: number | null;
  /** The quality posterior's mean (0..1); null without any quality signal. */
  quality: number | null;
  qualitySignals: number;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  /** The learned score with posterior means (no sampling), and its terms. */
  score: number;
  terms: ScoreTerms;
  competitionWins: number;
  competitionEntries: number;
}

/** A report row from a target's state (absent: never seen on this route) and its deterministic score. */
export function buildTargetPerformance(
  route: string,
  state: LearningState | undefined,
  scored: CandidateScore,
): TargetPerformance {
  const { provider, model, keyId } = parseTargetId(scored.targetId);
  const totals = state?.totals;
  const successes = totals?.successes ?? 0;
  const failures = totals?.failures ?? 0;
  const quality = state?.quality;
  const hasQuality = quality !== undefined && quality.positive + quality.negative > 1e-6;
  return {
    targetId: scored.targetId,
    provider,
    model,
    keyId,
    route,
    requests: totals?.attempts ?? 0,
    successes,
    failures,
    successRate: successes + failures > 0 ? successes / (successes + failures) : null,
    latency: reportTiming(state?.latency, state?.samples.latency),
    ttft: reportTiming(state?.ttft, state?.samples.ttft),
    promptTokens: totals?.promptTokens ?? 0,
    completionTokens: totals?.completionTokens ?? 0,
    tokensPerSecond: state ? (getMean(state.tokensPerSecond) ?? null) : null,
    costInUsd: totals?.costInUsd ?? 0,
    averageCostInUsd: state ? (getMean(state.costInUsd) ?? null) : null,
    quality: hasQuality ? (1 + quality.positive) / (2 + quality.positive + quality.negative) : null,
    qualitySignals: totals?.qualitySignals ?? 0,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    lastFailureAt: state?.lastFailureAt ?? null,
    score: scored.score,
    terms: scored.terms,
    competitionWins: totals?.competitionWins ?? 0,
    competitionEntries: totals?.competitionEntries ?? 0,
  };
}

function reportTiming(sums: TimingSums | undefined, sample: readonly number[] | undefined): TimingReport {
  return {
    averageInMs: sums ? (getMean(sums) ?? null) : null,
    p95InMs: sample ? (getQuantile(sample, 0.95) ?? null) : null,
  };
}
