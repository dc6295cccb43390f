/**
 * Caps the extra spend of hedging: each request earns `budget` of a hedge (0.1 = one hedge per ten
 * requests), saved up to `maxSaved`, and each hedge spends one. Bursts of slow answers can hedge a few
 * requests in a row; a sustained slowdown cannot double the traffic.
 */
export class HedgeBudget {
  private saved: number;

  constructor(
    private readonly budget: number,
    private readonly maxSaved = 10,
  ) {
    this.saved = Math.min(1, maxSaved);
  }

  /** Called once per request that may hedge. */
  earn(): void {
    this.saved = Math.min(this.maxSaved, this.saved + this.budget);
  }

  /** True (and spent) when a hedge may start now. */
  trySpend(): boolean {
    if (this.saved < 1) return false;
    this.saved -= 1;
    return true;
  }
}
