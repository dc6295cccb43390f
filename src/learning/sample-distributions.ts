/** Uniform in [0, 1), injected so samples are reproducible in tests and benchmarks. */
export type Random = () => number;

/** A standard normal draw (Box–Muller). `1 - random()` keeps the logarithm away from zero. */
export function sampleStandardNormal(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}

/**
 * A Gamma(shape, 1) draw by Marsaglia and Tsang's method ("A simple method for generating gamma
 * variables", 2000), with the `U^(1/shape)` boost for shapes below 1.
 */
export function sampleGamma(shape: number, random: Random): number {
  if (!(shape > 0)) throw new RangeError(`a gamma shape must be positive, got ${shape}`);
  if (shape < 1) return sampleGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return d * v;
    }
  }
}

/** A Beta(alpha, beta) draw, as the ratio of two gamma draws. */
export function sampleBeta(alpha: number, beta: number, random: Random): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}
