import { describe, expect, it } from 'vitest';
import { seededRandom } from './__fixtures__/create-learning-fixtures.js';
import { sampleBeta, sampleGamma, sampleStandardNormal } from './sample-distributions.js';

function moments(draw: () => number, count = 20_000): { mean: number; variance: number } {
  const values = Array.from({ length: count }, draw);
  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / count;
  return { mean, variance };
}

describe('sampling from posteriors', () => {
  it('draws standard normals', () => {
    const random = seededRandom(1);
    const { mean, variance } = moments(() => sampleStandardNormal(random));
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });

  it.each([0.5, 1, 3.5, 40])('draws Gamma(%d, 1): mean and variance are the shape', (shape) => {
    const random = seededRandom(2);
    const { mean, variance } = moments(() => sampleGamma(shape, random));
    expect(mean / shape).toBeCloseTo(1, 1);
    expect(variance / shape).toBeCloseTo(1, 1);
  });

  it.each([
    [1, 1],
    [9, 3],
    [2.5, 40],
  ])('draws Beta(%d, %d) with the right mean and spread', (alpha, beta) => {
    const random = seededRandom(3);
    const { mean, variance } = moments(() => sampleBeta(alpha, beta, random));
    const total = alpha + beta;
    expect(mean).toBeCloseTo(alpha / total, 2);
    expect(variance / ((alpha * beta) / (total * total * (total + 1)))).toBeCloseTo(1, 1);
  });

  it('refuses a shape that is not positive', () => {
    expect(() => sampleGamma(0, seededRandom(4))).toThrow(RangeError);
  });
});
