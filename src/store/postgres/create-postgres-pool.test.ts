import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPostgres } from '../../../test/support/start-postgres.js';
import type { PostgresServer } from '../../../test/support/start-postgres.js';
import { createPostgresPool } from './create-postgres-pool.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.close());

/** Ends every session the pool opened, from outside, as a server restart or a DBA would. */
async function terminateSessions(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(
    `select pg_terminate_backend(pid) from pg_stat_activity
     where datname = current_database() and application_name = 'arbiter'`,
  );
  await admin.end();
}

describe('createPostgresPool', () => {
  it('turns a connection lost mid-query into that query failing, not a crash', async () => {
    const url = await server.createDatabase();
    const pool = createPostgresPool({ url, poolSize: 1, onError: () => {} });
    try {
      const client = await pool.connect();
      const running = client.query('select pg_sleep(30)');
      running.catch(() => undefined);
      await vi.waitFor(async () => {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        const { rowCount } = await admin.query(
          `select 1 from pg_stat_activity where application_name = 'arbiter' and wait_event = 'PgSleep'`,
        );
        await admin.end();
        expect(rowCount).toBe(1);
      });
      await terminateSessions(url);
      await expect(running).rejects.toThrow(/terminat/);
      client.release();
      // The query failed on the server's FATAL message; the socket closes just before or after the
      // release, and either way the pool drops the connection and opens a new one on demand.
      await vi.waitFor(() => expect(pool.totalCount).toBe(0));
      expect((await pool.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });
});
