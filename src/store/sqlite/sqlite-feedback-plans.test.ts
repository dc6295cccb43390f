import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../lib/clock.js';
import { createSqlStores } from '../sql/create-sql-stores.js';
import type { Database } from '../sql/database.js';
import { migrateToLatest } from '../sql/migrate-to-latest.js';
import type { Stores } from '../stores.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

/** The feedback store's SQL through EXPLAIN QUERY PLAN: both reads seek or walk an index, never sort. */
describe('SQLite query plans for feedback', () => {
  const root = mkdtempSync(join(tmpdir(), 'arbiter-feedback-plans-'));
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
  });
  afterAll(async () => {
    await stores.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
    captured.length = 0;
    await run();
    return captured.flatMap((query) =>
      (
        database.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[]
      ).map((row) => row.detail),
    );
  }

  it('listByRequest searches the request index in order', async () => {
    expect(await plansOf(() => stores.feedback.listByRequest('req_1'))).toEqual([
      expect.stringMatching(
        /^SEARCH feedback USING INDEX feedback_request_id_created_at_id \(request_id=\?\)/,
      ),
    ]);
  });

  it('listRecent walks the time index backwards, stopped by the limit', async () => {
    expect(await plansOf(() => stores.feedback.listRecent(20))).toEqual([
      expect.stringMatching(/^SCAN feedback USING INDEX feedback_created_at_id/),
    ]);
  });
});
