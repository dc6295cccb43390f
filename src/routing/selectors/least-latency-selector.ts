import type { Selector } from './selector.js';
import { sortStableBy } from './sort-stable-by.js';

/**
 * `least-latency`: fastest first by smoothed latency (EWMA), measured the way the caller will wait: time
 * to first token for streams, full answer time for other calls. Targets never measured that way come
 * first, so they get measured instead of starving behind the first target that happened to answer; an
 * unmeasured target with recent failures comes last instead, so a target that only fails (and so is
 * never measured) does not lead every request. Ties keep the route's order.
 */
export function createLeastLatencySelector(): Selector {
  return {
    name: 'least-latency',
    order(targets, context) {
      const metric = context.request.isStream ? 'ttft' : 'latency';
      return sortStableBy(targets, (target) => {
        const average = context.stats.average(target.id, metric);
        if (average !== undefined) return average;
        return context.stats.counts(target.id, context.now).failures > 0 ? Number.POSITIVE_INFINITY : -1;
      });
    },
  };
}
