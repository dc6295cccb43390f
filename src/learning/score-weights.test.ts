import { describe, expect, it } from 'vitest';
import { defaultScoreWeights, normalizeScoreWeights } from './score-weights.js';

describe('normalizeScoreWeights', () => {
  it('keeps the default formula and scales any other to sum 1', () => {
    for (const weights of [defaultScoreWeights, { reliability: 4, speed: 3, quality: 2, recency: 1 }]) {
      const normalized = normalizeScoreWeights(weights);
      expect(normalized.reliability).toBeCloseTo(0.4, 12);
      expect(normalized.speed).toBeCloseTo(0.3, 12);
      expect(normalized.quality).toBeCloseTo(0.2, 12);
      expect(normalized.recency).toBeCloseTo(0.1, 12);
    }
  });

  it('refuses negative weights and all zeros', () => {
    expect(() => normalizeScoreWeights({ reliability: -1, speed: 1, quality: 1, recency: 1 })).toThrow(
      RangeError,
    );
    expect(() => normalizeScoreWeights({ reliability: 0, speed: 0, quality: 0, recency: 0 })).toThrow(
      'at least one',
    );
  });
});
