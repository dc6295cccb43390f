import type { LearningSignals } from '../learning/learning-signals.js';
import { hasAnswer, type ContenderResult } from './contender-result.js';
import type { Verdict } from './evaluators/evaluator.js';

/**
 * Teaches the learning layer what a competition showed: the winner among the contenders that were
 * called, and, when the evaluator measured quality (a judge's grades, consensus similarity; not a
 * fallback to `fastest`, which measures speed the outcomes already carry), each answer's score as a
 * quality signal for its target on the route.
 */
export function recordVerdict(
  learning: LearningSignals,
  route: string,
  results: readonly ContenderResult[],
  verdict: Verdict,
): void {
  const source = verdict.fellBackTo ? undefined : verdict.qualitySource;
  if (source) {
    for (const result of results) {
      const score = verdict.scores[result.name];
      if (hasAnswer(result) && score !== undefined)
        learning.recordQuality(result.target.id, route, score, source);
    }
  }
  const called = results.filter((result) => result.record.skipped === undefined);
  const winner = results.find((result) => result.name === verdict.winner);
  learning.recordCompetition(
    route,
    winner?.target.id,
    called.map((result) => result.target.id),
  );
}
