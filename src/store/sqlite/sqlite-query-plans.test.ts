import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../lib/clock.js';
import { makeUsageRecord } from '../contract/usage-record-fixture.js';
import { createSqlStores } from '../sql/create-sql-stores.js';
import type { Database } from '../sql/database.js';
import { migrateToLatest } from '../sql/migrate-to-latest.js';
import type { Stores } from '../stores.js';
import type { UsageFilter } from '../usage-store.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

/**
 * Runs the usage store's own SQL (captured from Kysely's log) through EXPLAIN QUERY PLAN, so an index
 * dropped from a migration, or a query reshaped so SQLite can no longer seek, fails here.
 */
describe('SQLite query plans for the usage log', () => {
  const root = mkdtempSync(join(tmpdir(), 'arbiter-sqlite-plans-'));
  const database = openSqliteDatabase(join(root, 'arbiter.db'));
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  let stores: Stores;

  beforeAll(async () => {
    await migrateToLatest(db, { location: 'test' });
    stores = createSqlStores(db, systemClock);
    await stores.usage.append([
      makeUsageRecord({ requestId: 'req-1', keyId: 'key_a', provider: 'groq', model: 'm' }),
    ]);
  });
  afterAll(async () => {
    await stores.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** The plan of every statement `run` issues, one line per step. */
  async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
    captured.length = 0;
    await run();
    return captured.flatMap((query) =>
      (
        database.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[]
      ).map((row) => row.detail),
    );
  }

  const nextCursor = Buffer.from('5000:req-9').toString('base64url');
  const filters: UsageFilter[] = [
    {},
    { keyId: 'key_a' },
    { provider: 'groq' },
    { model: 'm' },
    { provider: 'groq', model: 'm' },
    { from: 0, to: 10_000 },
    { keyId: 'key_a', from: 0 },
  ];

  // One step, on an index: a SEARCH, or for the unfiltered first page a SCAN of the index in order that
  // LIMIT stops. Never a table scan, never a temporary B-tree to sort.
  it.each(filters)('list(%o) walks an index in order, with and without a cursor', async (filter) => {
    for (const cursor of [undefined, nextCursor]) {
      const plan = await plansOf(() => stores.usage.list({ ...filter, cursor, limit: 50 }));
      expect(plan).toEqual([expect.stringMatching(/^(SEARCH|SCAN) usage_records USING (COVERING )?INDEX /)]);
    }
  });

  it('get is a primary-key lookup', async () => {
    const plan = await plansOf(() => stores.usage.get('req-1'));
    expect(plan).toEqual([
      expect.stringMatching(
        /^SEARCH usage_records USING INDEX sqlite_autoindex_usage_records_1 \(request_id=\?\)/,
      ),
    ]);
  });

  // One range seek on the time index; grouping by bucket and provider sorts only the rows in range.
  it('timeseries seeks the created_at range and reads nothing beyond it', async () => {
    const plan = await plansOf(() => stores.usage.timeseries({ from: 0, to: 10_000, bucketInMs: 1_000 }));
    expect(plan).toEqual([
      'SEARCH usage_records USING INDEX usage_records_created_at_request_id (created_at>? AND created_at<?)',
      'USE TEMP B-TREE FOR GROUP BY',
    ]);
  });

  it.each(filters.slice(1))('aggregate(%o) reads only the filtered range', async (filter) => {
    for (const groupBy of ['key', 'model', 'provider', 'day'] as const) {
      const plan = await plansOf(() => stores.usage.aggregate(groupBy, filter));
      expect(plan[0]).toMatch(/^SEARCH usage_records USING (COVERING )?INDEX /);
    }
  });
});
