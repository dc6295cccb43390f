import type { Kysely } from 'kysely';
import { assertUsagePageLimit, decodeUsageCursor, encodeUsageCursor } from '../usage-cursor.js';
import type { UsageStore } from '../usage-store.js';
import { aggregateSqlUsage } from './aggregate-sql-usage.js';
import type { Database } from './database.js';
import { timeseriesSqlUsage } from './timeseries-sql-usage.js';
import { fromUsageRow, toUsageRow } from './usage-row.js';
import { whereUsageFilter } from './where-usage-filter.js';

/**
 * Bound parameters per INSERT, under SQLite's limit (32,766) and PostgreSQL's (65,535); a batch larger than
 * one statement holds is split, still inside one transaction.
 */
const maxParametersPerStatement = 30_000;

/**
 * The usage log on any Kysely SQL dialect: appends as multi-row INSERTs in one transaction, pages by
 * keyset on `(created_at, request_id)`, aggregates and timeseries in one GROUP BY each. What a batch costs on SQLite is
 * measured in `create-sqlite-stores.ts`.
 */
export function createSqlUsageStore(db: Kysely<Database>): UsageStore {
  return {
    async append(records) {
      if (records.length === 0) return;
      const rows = records.map(toUsageRow);
      const rowsPerStatement = Math.floor(maxParametersPerStatement / Object.keys(rows[0]!).length);
      await db.transaction().execute(async (transaction) => {
        for (let start = 0; start < rows.length; start += rowsPerStatement) {
          await transaction
            .insertInto('usage_records')
            .values(rows.slice(start, start + rowsPerStatement))
            .onConflict((conflict) => conflict.column('request_id').doNothing())
            .execute();
        }
      });
    },

    aggregate(groupBy, filter) {
      return aggregateSqlUsage(db, groupBy, filter);
    },

    async list(filter) {
      assertUsagePageLimit(filter.limit);
      let query = whereUsageFilter(db.selectFrom('usage_records').selectAll(), filter);
      if (filter.cursor !== undefined) {
        const cursor = decodeUsageCursor(filter.cursor);
        // A row-value comparison, which both SQLite and PostgreSQL turn into one index range seek.
        query = query.where((expression) =>
          expression(
            expression.refTuple('created_at', 'request_id'),
            '<',
            expression.tuple(cursor.createdAt, cursor.requestId),
          ),
        );
      }
      // One row beyond the page says whether another page exists, without a COUNT.
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('request_id', 'desc')
        .limit(filter.limit + 1)
        .execute();
      const records = rows.slice(0, filter.limit).map(fromUsageRow);
      const last = records.at(-1);
      return rows.length > filter.limit && last !== undefined
        ? { records, nextCursor: encodeUsageCursor(last) }
        : { records };
    },

    async get(requestId) {
      const row = await db
        .selectFrom('usage_records')
        .selectAll()
        .where('request_id', '=', requestId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromUsageRow(row);
    },

    timeseries(query) {
      return timeseriesSqlUsage(db, query);
    },
  };
}
