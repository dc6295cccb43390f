import type { EvaluatorName } from '../contest-options.js';
import { hasAnswer, type ContenderResult } from '../contender-result.js';
import type { Evaluator, Verdict } from './evaluator.js';

/**
 * The original brief's rule: an answer beats an error, then the faster answer wins (ties go to the
 * contender listed first). Scores are relative speed: 1 for the fastest answer, `fastest / latency` for
 * the others, 0 for contenders without an answer. They measure speed, not quality, so they are not
 * recorded as quality signals.
 */
export const fastestEvaluator: Evaluator = {
  name: 'fastest',
  evaluate: async (results) => ({ evaluator: 'fastest', ...rankBySpeed(results) }),
};

/** The verdict of `fastest`, for an evaluator that could not decide (the reason is recorded). */
export function fallBackToFastest(
  results: readonly ContenderResult[],
  evaluator: EvaluatorName,
  reason: string,
): Verdict {
  const ranking = rankBySpeed(results);
  return {
    evaluator,
    ...ranking,
    reasoning: `${reason}; fell back to fastest: ${ranking.reasoning}`,
    fellBackTo: 'fastest',
    fallbackReason: reason,
  };
}

/** Answers ordered by latency, fastest first; ties keep the contenders' order. */
export function sortBySpeed(results: readonly ContenderResult[]): ContenderResult[] {
  return results.filter(hasAnswer).sort((a, b) => a.latencyInMs - b.latencyInMs);
}

function rankBySpeed(results: readonly ContenderResult[]): Pick<Verdict, 'winner' | 'scores' | 'reasoning'> {
  const answered = sortBySpeed(results);
  const winner = answered[0];
  if (!winner) throw new Error('a competition without any answer has no winner');
  const fastest = Math.max(winner.latencyInMs, 1);
  const scores: Record<string, number> = {};
  for (const result of results)
    scores[result.name] = hasAnswer(result) ? round(fastest / Math.max(result.latencyInMs, 1)) : 0;
  const others = results
    .filter((result) => result !== winner)
    .map((result) =>
      hasAnswer(result)
        ? `${result.name} in ${seconds(result.latencyInMs)}`
        : `${result.name} ${result.isTimedOut ? 'timed out' : `failed (${result.error?.kind ?? 'error'})`}`,
    );
  const reasoning = `${winner.name} answered first, in ${seconds(winner.latencyInMs)}${others.length > 0 ? `; ${others.join(', ')}` : ''}`;
  return { winner: winner.name, scores, reasoning };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
