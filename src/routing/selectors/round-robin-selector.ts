import type { Selector } from './selector.js';

/** Memory bound of the per-route turns. */
export interface RoundRobinOptions {
  /**
   * Routes remembered at most. Route names include `provider/model` strings that callers choose, so the
   * turn counters are capped; past it the least recently used route starts over. Default 1000.
   */
  maxRoutes?: number;
}

/**
 * `round-robin`: each request of a route starts one target further along the route's list, and falls
 * back in list order from there (A B C, then B C A, then C A B). The turn is kept per route inside this
 * selector instance. When health filtering shortens the list, the turn still advances, so the rotation
 * stays fair over time rather than exact.
 */
export function createRoundRobinSelector(options: RoundRobinOptions = {}): Selector {
  const maxRoutes = options.maxRoutes ?? 1000;
  const turns = new Map<string, number>();

  return {
    name: 'round-robin',
    order(targets, context) {
      if (targets.length === 0) return [];
      const turn = turns.get(context.route) ?? 0;
      // Delete and set again: the map stays in least-recently-used order for the cap.
      turns.delete(context.route);
      turns.set(context.route, turn + 1);
      if (turns.size > maxRoutes) turns.delete(turns.keys().next().value!);
      const start = turn % targets.length;
      return [...targets.slice(start), ...targets.slice(0, start)];
    },
  };
}
