import type { LearnedStatsSnapshot, LearnedStatsStore } from '../learned-stats-store.js';

/**
 * Learned-statistics snapshots in memory, one per (target, route). Bounded by configuration rather than by
 * traffic (targets and routes come from config), so no eviction. Snapshots are copied in and out.
 */
export function createMemoryLearnedStatsStore(): LearnedStatsStore {
  const snapshots = new Map<string, LearnedStatsSnapshot>();
  return {
    async loadAll() {
      return [...snapshots.values()].map((snapshot) => structuredClone(snapshot));
    },

    async save(batch) {
      // A JSON pair as the key, so no separator character can make two (target, route) pairs collide.
      for (const snapshot of batch) {
        snapshots.set(JSON.stringify([snapshot.targetId, snapshot.route]), structuredClone(snapshot));
      }
    },
  };
}
