/**
 * One target's learned statistics at a point in time. The learning layer owns their meaning; the store
 * keeps the latest snapshot per target so learning survives restarts.
 */
export interface LearnedStatsSnapshot {
  targetId: string;
  /** The route the statistics were learned for, or `*` for the target across routes. */
  route: string;
  /** Opaque to the store: the learning layer's serialised state. */
  state: Record<string, unknown>;
  /** Unix milliseconds. */
  updatedAt: number;
}

/** The learned statistics' store port. */
export interface LearnedStatsStore {
  loadAll(): Promise<LearnedStatsSnapshot[]>;
  /** Upserts by (targetId, route), atomically; the last save wins. */
  save(snapshots: readonly LearnedStatsSnapshot[]): Promise<void>;
}
