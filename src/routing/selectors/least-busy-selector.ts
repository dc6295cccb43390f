import type { Selector } from './selector.js';
import { sortStableBy } from './sort-stable-by.js';

/** `least-busy`: fewest attempts in flight first; ties in the route's order (priority). */
export function createLeastBusySelector(): Selector {
  return {
    name: 'least-busy',
    order: (targets, context) => sortStableBy(targets, (target) => context.stats.inFlight(target.id)),
  };
}
