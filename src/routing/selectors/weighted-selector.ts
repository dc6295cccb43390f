import type { Target } from '../target.js';
import type { Selector } from './selector.js';

/**
 * `weighted`: a random order in which each target comes first with probability weight / total weight,
 * then the next is drawn the same way from the rest (weighted sampling without replacement). Over many
 * requests, traffic splits by weight, and the fallback order is itself weighted. Targets with weight 0
 * (or an invalid one) come last in the route's order: they are fallbacks only.
 *
 * Uses `context.random` once per drawn position, so a seeded random gives a reproducible order.
 */
export function createWeightedSelector(): Selector {
  return {
    name: 'weighted',
    order(targets, context) {
      const weighted: Array<{ target: Target; weight: number }> = [];
      const fallbacks: Target[] = [];
      for (const target of targets) {
        const weight = context.getWeight(target);
        if (Number.isFinite(weight) && weight > 0) weighted.push({ target, weight });
        else fallbacks.push(target);
      }
      const ordered: Target[] = [];
      while (weighted.length > 1) {
        const total = weighted.reduce((sum, entry) => sum + entry.weight, 0);
        let point = context.random() * total;
        // Float sums can leave `point` a hair past the last entry; it then belongs to the last one.
        let index = weighted.findIndex((entry) => (point -= entry.weight) < 0);
        if (index === -1) index = weighted.length - 1;
        ordered.push(weighted.splice(index, 1)[0]!.target);
      }
      return [...ordered, ...weighted.map((entry) => entry.target), ...fallbacks];
    },
  };
}
