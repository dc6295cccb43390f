import { getFailureBlame } from '../routing/health/get-failure-blame.js';
import type { Outcome } from '../routing/outcome.js';
import type { QualitySource, SeedMeasurement } from './learning-signals.js';
import { addTiming, type LearningState } from './learning-state.js';

/**
 * How much one quality signal weighs, by source. A user's verdict is the ground truth the others stand
 * in for, so it counts fully. A judge model grades well but is itself a model with biases, so it counts
 * half. Consensus only says an answer agrees with the others (the majority can be wrong together), so it
 * counts a quarter.
 */
export const qualitySourceWeights: Readonly<Record<QualitySource, number>> = {
  user: 1,
  judge: 0.5,
  consensus: 0.25,
};

/**
 * Adds one attempt's outcome, in place (the state must already be decayed to `now`). Cancellations and
 * failures the caller caused (`bad-request`, `context-length`, `content-filter`) say nothing about the
 * target: they are counted as attempts and nothing else. Timings follow the routing statistics' rules: a
 * full-answer latency only from successful non-streamed calls (a fast 429 must not look fast), a time to
 * first token from any stream that committed, even one that failed or was cancelled later.
 */
export function applyOutcome(
  state: LearningState,
  outcome: Outcome,
  costInUsd: number | undefined,
  now: number,
): void {
  const { totals } = state;
  totals.attempts += 1;
  if (outcome.usage) {
    totals.promptTokens += outcome.usage.prompt_tokens;
    totals.completionTokens += outcome.usage.completion_tokens;
  }
  if (costInUsd !== undefined) totals.costInUsd += costInUsd;
  if (outcome.ttftInMs !== undefined) addTiming(state.ttft, state.samples.ttft, outcome.ttftInMs);

  if (outcome.isSuccess) {
    state.reliability.successes += 1;
    totals.successes += 1;
    state.lastSuccessAt = now;
    if (!outcome.isStream) addTiming(state.latency, state.samples.latency, outcome.latencyInMs);
    addTokensPerSecond(state, outcome);
    if (costInUsd !== undefined) {
      state.costInUsd.weight += 1;
      state.costInUsd.sum += costInUsd;
    }
    return;
  }
  // A failure without a kind is the target's until proven otherwise.
  const blame = getFailureBlame(outcome.errorKind ?? 'server');
  if (blame === 'request' || blame === 'none') return;
  state.reliability.failures += 1;
  totals.failures += 1;
  state.lastFailureAt = now;
}

/** Output speed: tokens over the time spent producing them (after the first token, for streams). */
function addTokensPerSecond(state: LearningState, outcome: Outcome): void {
  const tokens = outcome.usage?.completion_tokens ?? 0;
  const generationInMs = outcome.latencyInMs - (outcome.isStream ? (outcome.ttftInMs ?? 0) : 0);
  // Below 10 ms the rate is timer noise (a cached or buffered answer), not the model's speed.
  if (tokens <= 0 || generationInMs < 10) return;
  state.tokensPerSecond.weight += 1;
  state.tokensPerSecond.sum += tokens / (generationInMs / 1000);
}

/** Adds a quality score (0..1) with its source's weight, in place. */
export function applyQuality(state: LearningState, score: number, source: QualitySource): void {
  const weight = qualitySourceWeights[source];
  state.quality.positive += weight * score;
  state.quality.negative += weight * (1 - score);
  state.totals.qualitySignals += 1;
}

/**
 * Takes back a quality score added earlier, as decayed since (`decayFactor`), in place: how a user's
 * changed vote replaces their first one instead of adding to it. Never below zero.
 */
export function withdrawQuality(
  state: LearningState,
  score: number,
  source: QualitySource,
  decayFactor: number,
): void {
  const weight = qualitySourceWeights[source] * decayFactor;
  state.quality.positive = Math.max(0, state.quality.positive - weight * score);
  state.quality.negative = Math.max(0, state.quality.negative - weight * (1 - score));
  state.totals.qualitySignals = Math.max(0, state.totals.qualitySignals - 1);
}

/** An offline measurement (the key tester): evidence like a live call, but no request is counted. */
export function applySeed(state: LearningState, measurement: SeedMeasurement, now: number): void {
  if (!measurement.isSuccess) {
    state.reliability.failures += 1;
    state.lastFailureAt = now;
    return;
  }
  state.reliability.successes += 1;
  state.lastSuccessAt = now;
  addTiming(state.latency, state.samples.latency, measurement.latencyInMs);
  if (measurement.ttftInMs !== undefined) addTiming(state.ttft, state.samples.ttft, measurement.ttftInMs);
  if (measurement.tokensPerSecond !== undefined && measurement.tokensPerSecond > 0) {
    state.tokensPerSecond.weight += 1;
    state.tokensPerSecond.sum += measurement.tokensPerSecond;
  }
}

/** Counts a competition entry (and a win); reported, not scored — the evaluator's verdicts are. */
export function applyCompetition(state: LearningState, isWinner: boolean): void {
  state.totals.competitionEntries += 1;
  if (isWinner) state.totals.competitionWins += 1;
}
