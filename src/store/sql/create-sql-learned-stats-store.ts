import type { Kysely } from 'kysely';
import type { LearnedStatsSnapshot, LearnedStatsStore } from '../learned-stats-store.js';
import type { Database } from './database.js';

/** Bound parameters per upsert, under SQLite's and PostgreSQL's limits (4 per snapshot). */
const snapshotsPerStatement = 5_000;

/**
 * Learned-statistics snapshots on any Kysely SQL dialect: one row per (target, route), replaced on save.
 * `loadAll` reads the whole table on purpose; it runs once, at start-up.
 */
export function createSqlLearnedStatsStore(db: Kysely<Database>): LearnedStatsStore {
  return {
    async loadAll() {
      const rows = await db.selectFrom('learned_stats').selectAll().execute();
      return rows.map((row) => ({
        targetId: row.target_id,
        route: row.route,
        state: JSON.parse(row.state) as Record<string, unknown>,
        updatedAt: Number(row.updated_at),
      }));
    },

    async save(snapshots) {
      const rows = [...latestPerKey(snapshots)].map((snapshot) => ({
        target_id: snapshot.targetId,
        route: snapshot.route,
        state: JSON.stringify(snapshot.state),
        updated_at: snapshot.updatedAt,
      }));
      if (rows.length === 0) return;
      await db.transaction().execute(async (transaction) => {
        for (let start = 0; start < rows.length; start += snapshotsPerStatement) {
          await transaction
            .insertInto('learned_stats')
            .values(rows.slice(start, start + snapshotsPerStatement))
            .onConflict((conflict) =>
              conflict.columns(['target_id', 'route']).doUpdateSet((update) => ({
                state: update.ref('excluded.state'),
                updated_at: update.ref('excluded.updated_at'),
              })),
            )
            .execute();
        }
      });
    },
  };
}

/**
 * The last snapshot per (target, route) of a batch. PostgreSQL refuses an upsert that touches one row
 * twice in a statement, and the last one is what a sequence of saves would have kept anyway.
 */
function latestPerKey(snapshots: readonly LearnedStatsSnapshot[]): Iterable<LearnedStatsSnapshot> {
  const latest = new Map<string, LearnedStatsSnapshot>();
  for (const snapshot of snapshots) latest.set(JSON.stringify([snapshot.targetId, snapshot.route]), snapshot);
  return latest.values();
}
