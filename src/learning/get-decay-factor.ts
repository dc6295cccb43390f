/**
 * How much of a piece of evidence is left after `elapsedInMs`, when evidence loses half its weight every
 * `halfLifeInMs`: `0.5^(elapsed / halfLife)`. Exponential on purpose: decaying by elapsed time composes
 * (decaying by `a` then by `b` equals decaying by `a + b`), so state can be decayed lazily, whenever it is
 * next read or written, with the same result as a timer that decayed it continuously. Time running
 * backwards (a clock step) decays nothing rather than inflating old evidence.
 *
 * @example getDecayFactor(60 * 60_000, 60 * 60_000); // 0.5
 */
export function getDecayFactor(elapsedInMs: number, halfLifeInMs: number): number {
  if (!(halfLifeInMs > 0)) throw new RangeError(`the half-life must be positive, got ${halfLifeInMs}`);
  if (!(elapsedInMs > 0)) return 1;
  return Math.pow(0.5, elapsedInMs / halfLifeInMs);
}
