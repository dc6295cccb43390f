import type { TargetStatsReader } from '../health/target-stats.js';
import type { Target } from '../target.js';

/** What selectors may know about the request being routed. */
export interface SelectionRequest {
  isStream: boolean;
  messageCount: number;
  /** Input tokens as counted (or estimated) before sending. */
  estimatedInputTokens: number;
  /** The last user message's text, for content rules. */
  text: string;
  /** The caller's plan (`free`, `premium`, ...), when the gateway key has one. */
  plan?: string;
}

/** A model's list price in USD per million tokens. */
export interface TargetPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Everything a selector may use; built once per request by the route planner. */
export interface SelectionContext {
  /** The route being served: selectors that keep state (round-robin) keep it per route. */
  route: string;
  request: SelectionRequest;
  stats: TargetStatsReader;
  /** Uniform in [0, 1); injected so weighted orders are reproducible in tests. */
  random: () => number;
  /** Unix ms. */
  now: number;
  /** The target's configured weight (its key's weight); 1 when none was set. */
  getWeight(target: Target): number;
  /** The target's price, when the price table knows it. */
  getPrice(target: Target): TargetPrice | undefined;
  /** The target's context window in tokens, when known. */
  getContextWindow(target: Target): number | undefined;
}

/**
 * Decides the order in which a route's healthy targets are tried (the strategy decides how). Health
 * filtering (breakers, keys, limits) happens before, so selectors only order. A selector may drop a target
 * that cannot serve the request at all (the cost selector drops windows too small); an empty result
 * then means that no target fits.
 */
export interface Selector {
  /** The name it is configured by, for logs. */
  readonly name: string;
  /** A new array; never changes `targets`. */
  order(targets: readonly Target[], context: SelectionContext): Target[];
}
