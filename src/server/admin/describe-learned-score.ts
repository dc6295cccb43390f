import type { TargetPerformance } from '../../learning/target-performance.js';

const round = (value: number): number => Number(value.toFixed(4));

/**
 * What the learning layer thinks of one `provider/model`: the target-wide score and its four terms (route
 * `*`, posterior means, as `GET /performance` reports them), and the attempts it rests on. A model with
 * several keys is several targets: their scores are averaged, weighted by their attempts. Nulls before
 * any evidence.
 */
export function describeLearnedScore(rows: readonly TargetPerformance[]) {
  const evidence = rows.reduce((sum, row) => sum + row.requests, 0);
  if (rows.length === 0) {
    return {
      score: null,
      terms: { reliability: null, speed: null, quality: null, recency: null },
      evidence: 0,
    };
  }
  // Without attempts (a quality signal alone), every key counts the same.
  const weightOf = (row: TargetPerformance): number =>
    evidence > 0 ? row.requests / evidence : 1 / rows.length;
  const mean = (pick: (row: TargetPerformance) => number): number =>
    round(rows.reduce((sum, row) => sum + pick(row) * weightOf(row), 0));
  return {
    score: mean((row) => row.score),
    terms: {
      reliability: mean((row) => row.terms.reliability),
      speed: mean((row) => row.terms.speed),
      quality: mean((row) => row.terms.quality),
      recency: mean((row) => row.terms.recency),
    },
    evidence,
  };
}
