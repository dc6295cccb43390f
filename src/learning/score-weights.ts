/** The weight of each term of the learned score. */
export interface ScoreWeights {
  reliability: number;
  speed: number;
  quality: number;
  recency: number;
}

/** The original brief's formula: `0.4·reliability + 0.3·speed + 0.2·quality + 0.1·recency`. */
export const defaultScoreWeights: ScoreWeights = { reliability: 0.4, speed: 0.3, quality: 0.2, recency: 0.1 };

/**
 * Weights scaled to sum to 1, so scores stay in 0..1 and `4,3,2,1` means what `0.4,0.3,0.2,0.1` does.
 * Throws for a negative weight or when none is positive.
 */
export function normalizeScoreWeights(weights: ScoreWeights): ScoreWeights {
  const values = Object.values(weights);
  if (values.some((value) => !(value >= 0)))
    throw new RangeError(`score weights must be 0 or more, got ${JSON.stringify(weights)}`);
  const total = values.reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) throw new RangeError('at least one score weight must be above 0');
  return {
    reliability: weights.reliability / total,
    speed: weights.speed / total,
    quality: weights.quality / total,
    recency: weights.recency / total,
  };
}
