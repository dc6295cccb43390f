import { describe, expect, it } from 'vitest';
import { getDecayFactor } from './get-decay-factor.js';

describe('getDecayFactor', () => {
  const hour = 3_600_000;

  it('halves evidence every half-life', () => {
    expect(getDecayFactor(0, hour)).toBe(1);
    expect(getDecayFactor(hour, hour)).toBeCloseTo(0.5, 12);
    expect(getDecayFactor(2 * hour, hour)).toBeCloseTo(0.25, 12);
    expect(getDecayFactor(hour / 2, hour)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('composes: decaying by a then by b is decaying by a + b, so lazy decay equals continuous decay', () => {
    const steps = [1_000, 250_000, 3_333, hour];
    const stepwise = steps.reduce((factor, step) => factor * getDecayFactor(step, hour), 1);
    expect(stepwise).toBeCloseTo(
      getDecayFactor(
        steps.reduce((sum, step) => sum + step, 0),
        hour,
      ),
      12,
    );
  });

  it('never grows evidence when time runs backwards, and refuses a half-life that is not positive', () => {
    expect(getDecayFactor(-5_000, hour)).toBe(1);
    expect(() => getDecayFactor(1, 0)).toThrow(RangeError);
    expect(() => getDecayFactor(1, Number.NaN)).toThrow(RangeError);
  });
});
