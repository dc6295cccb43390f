import type { Selector } from './selector.js';
import { sortStableBy } from './sort-stable-by.js';

/**
 * `cost`: cheapest first. Targets whose known context window cannot hold the request's input are dropped
 * (they could only fail); then targets are ordered by input + output price per million tokens, the cost
 * of a typical request with as many tokens out as in; targets with no known price come last, since
 * cheapest-first cannot vouch for them. Ties, and the unpriced, keep the route's order.
 */
export function createCostSelector(): Selector {
  return {
    name: 'cost',
    order(targets, context) {
      const fitting = targets.filter((target) => {
        const contextWindow = context.getContextWindow(target);
        return contextWindow === undefined || context.request.estimatedInputTokens < contextWindow;
      });
      return sortStableBy(fitting, (target) => {
        const price = context.getPrice(target);
        return price ? price.inputPerMillion + price.outputPerMillion : Number.POSITIVE_INFINITY;
      });
    },
  };
}
