/**
 * A sorted copy by ascending key, ties kept in their given order: for selectors, the route's own order
 * (its priority) breaks every tie.
 */
export function sortStableBy<T>(items: readonly T[], keyOf: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, key: keyOf(item) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.item);
}
