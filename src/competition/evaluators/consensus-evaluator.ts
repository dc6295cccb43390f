import { hasAnswer } from '../contender-result.js';
import type { Evaluator } from './evaluator.js';
import { fallBackToFastest, sortBySpeed } from './fastest-evaluator.js';
import { getTextSimilarity } from './get-text-similarity.js';

/**
 * The answer most similar to the others wins, with no extra model call: when several models agree, the
 * odd one out is more likely wrong. Each answer's score is its mean similarity (getTextSimilarity: word
 * 2-shingle Jaccard) to every other answer; ties go to the faster one. With fewer than three answers
 * similarity cannot single one out (two answers are equally similar to each other), so `fastest` decides.
 */
export const consensusEvaluator: Evaluator = {
  name: 'consensus',
  async evaluate(results) {
    const answered = sortBySpeed(results);
    if (answered.length < 3) {
      return fallBackToFastest(
        results,
        'consensus',
        `consensus needs at least three answers to compare, and ${answered.length} finished`,
      );
    }
    const scores: Record<string, number> = {};
    for (const result of answered) {
      const others = answered.filter((other) => other !== result);
      const total = others.reduce((sum, other) => sum + getTextSimilarity(result.text, other.text), 0);
      scores[result.name] = Math.round((total / others.length) * 1000) / 1000;
    }
    // sortBySpeed put the faster answers first, and only a strictly higher score displaces the leader.
    const winner = answered.reduce((best, result) =>
      scores[result.name]! > scores[best.name]! ? result : best,
    );
    for (const result of results) if (!hasAnswer(result)) scores[result.name] = 0;
    const ranking = answered.map((result) => `${result.name} ${scores[result.name]!.toFixed(2)}`).join(', ');
    return {
      evaluator: 'consensus',
      winner: winner.name,
      scores,
      reasoning: `${winner.name}'s answer is the most similar to the others (mean word-pair overlap: ${ranking})`,
      qualitySource: 'consensus',
    };
  },
};
