import { describe, expect, it } from 'vitest';
import type { TargetPerformance } from '../../learning/target-performance.js';
import { describeLearnedScore } from './describe-learned-score.js';

const row = (requests: number, score: number): TargetPerformance =>
  ({
    requests,
    score,
    terms: { reliability: score, speed: score / 2, quality: 0.5, recency: 1 },
  }) as TargetPerformance;

describe('describeLearnedScore', () => {
  it('is all nulls before any evidence', () => {
    expect(describeLearnedScore([])).toEqual({
      score: null,
      terms: { reliability: null, speed: null, quality: null, recency: null },
      evidence: 0,
    });
  });

  it("averages a model's keys weighted by their attempts, or evenly without attempts", () => {
    expect(describeLearnedScore([row(3, 0.8), row(1, 0.4)])).toEqual({
      score: 0.7,
      terms: { reliability: 0.7, speed: 0.35, quality: 0.5, recency: 1 },
      evidence: 4,
    });
    expect(describeLearnedScore([row(0, 0.8), row(0, 0.4)])).toMatchObject({ score: 0.6, evidence: 0 });
  });
});
