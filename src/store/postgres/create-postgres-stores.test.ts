import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPostgres } from '../../../test/support/start-postgres.js';
import type { PostgresServer } from '../../../test/support/start-postgres.js';
import { getFreePort } from '../../../test/support/start-prism.js';
import { makeFullUsageRecord, makeUsageRecord } from '../contract/usage-record-fixture.js';
import { sqlMigrations } from '../sql/sql-migrations.js';
import type { Stores } from '../stores.js';
import { createPostgresStores } from './create-postgres-stores.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.close());

/** Runs one query on its own connection, as an operator's `psql` would. */
async function query<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

const appliedMigrations = (url: string) =>
  query<{ name: string }>(url, 'select name from arbiter_migration order by name');

/** Opens stores, runs `use`, and closes them whatever happens. */
async function withStores<T>(
  url: string,
  use: (stores: Stores) => Promise<T>,
  poolSize?: number,
): Promise<T> {
  const stores = await createPostgresStores({ url, poolSize });
  try {
    return await use(stores);
  } finally {
    await stores.close();
  }
}

describe('createPostgresStores', () => {
  it("migrates a new database, and keeps every port's data across a restart", async () => {
    const url = await server.createDatabase();
    await withStores(url, async (write) => {
      await write.usage.append([makeFullUsageRecord('req-01')]);
      await write.conversations.append('conv-1', [{ role: 'user', content: 'Hi' }], 'Be brief.');
      await write.gatewayKeys.create({
        id: 'key-1',
        hash: 'h',
        prefix: 'arb_',
        plan: 'free',
        metadata: {},
        createdAt: 1,
      });
      await write.gatewayKeys.putPlan({ name: 'free', priority: 0, requestsPerHour: 100 });
      await write.providerKeys.put({
        id: 'groq#1',
        provider: 'groq',
        encryptedKey: 'enc:v1:x',
        weight: 1,
        createdAt: 1,
      });
      await write.learnedStats.save([{ targetId: 't1', route: '*', state: { n: 1 }, updatedAt: 1 }]);
      await write.responses.put({ id: 'resp_1', response: { id: 'resp_1' }, isNative: true, createdAt: 1 });
    });
    const applied = await appliedMigrations(url);
    expect(applied.map((row) => row.name)).toEqual(Object.keys(sqlMigrations));

    await withStores(url, async (read) => {
      expect(await read.usage.get('req-01')).toEqual(makeFullUsageRecord('req-01'));
      expect(await read.conversations.get('conv-1')).toMatchObject({
        systemPrompt: 'Be brief.',
        messages: [{ content: 'Hi' }],
      });
      expect(await read.gatewayKeys.findByHash('h')).toMatchObject({ id: 'key-1', createdAt: 1 });
      expect(await read.gatewayKeys.listPlans()).toEqual([
        { name: 'free', priority: 0, requestsPerHour: 100 },
      ]);
      expect(await read.providerKeys.list('groq')).toHaveLength(1);
      expect(await read.learnedStats.loadAll()).toEqual([
        { targetId: 't1', route: '*', state: { n: 1 }, updatedAt: 1 },
      ]);
      expect(await read.responses.get('resp_1')).toMatchObject({ isNative: true });
    });
    expect(await appliedMigrations(url)).toEqual(applied);
  });

  it('lets several instances start on a new database at once: one migrates, none fails', async () => {
    const url = await server.createDatabase();
    const instances = await Promise.all(
      Array.from({ length: 6 }, () => createPostgresStores({ url, poolSize: 2 })),
    );
    try {
      await Promise.all(
        instances.map((stores, index) => stores.gatewayKeys.putPlan({ name: `p${index}`, priority: 0 })),
      );
      expect(await instances[0]!.gatewayKeys.listPlans()).toHaveLength(6);
    } finally {
      await Promise.all(instances.map((stores) => stores.close()));
    }
    expect((await appliedMigrations(url)).map((row) => row.name)).toEqual(Object.keys(sqlMigrations));
  });

  it('waits while another instance holds the migration lock, then migrates', async () => {
    const url = await server.createDatabase();
    const database = new URL(url).pathname.slice(1);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock(1098015337, 1)');
      const opening = createPostgresStores({ url });
      // Waiting on the lock shows in pg_stat_activity: no sleep, no guess at how long is long enough.
      await vi.waitFor(
        async () => {
          const waiting = await holder.query(
            `select 1 from pg_stat_activity
             where datname = '${database}' and application_name = 'arbiter' and wait_event = 'advisory'`,
          );
          expect(waiting.rowCount).toBe(1);
        },
        { timeout: 5_000, interval: 20 },
      );
      const tables = await holder.query(`select 1 from pg_tables where tablename = 'arbiter_migration'`);
      expect(tables.rowCount).toBe(0);
      await holder.query('select pg_advisory_unlock(1098015337, 1)');
      await (await opening).close();
    } finally {
      await holder.end();
    }
    expect((await appliedMigrations(url)).map((row) => row.name)).toEqual(Object.keys(sqlMigrations));
  });

  it('orders ties by code unit like the memory backend, though the database sorts text by locale', async () => {
    const url = await server.createDatabase();
    // en-US puts 'req-a' before 'req-B' and ignores '-' against '_'; code units do neither.
    const requestIds = ['req-a', 'req-B', 'req_c', 'req-d', 'REQ-e', 'req-é'];
    const [isLocaleOrder] = await query<{ value: boolean }>(url, `select 'req-a' < 'req-B' as value`);
    expect(isLocaleOrder?.value).toBe(true);
    await withStores(url, async (stores) => {
      await stores.usage.append(requestIds.map((requestId) => makeUsageRecord({ requestId, createdAt: 5 })));
      const newestFirst = [...requestIds].sort().reverse();
      const pages: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await stores.usage.list({ limit: 4, cursor });
        pages.push(...page.records.map((record) => record.requestId));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(pages).toEqual(newestFirst);

      const ids = ['key-a', 'key-B', 'key_c'];
      for (const id of ids) {
        await stores.gatewayKeys.create({
          id,
          hash: id,
          prefix: 'arb_',
          plan: 'free',
          metadata: {},
          createdAt: 1,
        });
        await stores.providerKeys.put({
          id,
          provider: 'groq',
          encryptedKey: 'enc:v1:x',
          weight: 1,
          createdAt: 1,
        });
      }
      for (const id of ids) {
        await stores.feedback.append({
          id,
          requestId: 'req-a',
          targetId: 't',
          route: 'r',
          score: 1,
          createdAt: 1,
        });
      }
      const oldestFirst = [...ids].sort();
      expect((await stores.gatewayKeys.list()).map((key) => key.id)).toEqual(oldestFirst);
      expect((await stores.providerKeys.list()).map((key) => key.id)).toEqual(oldestFirst);
      expect((await stores.feedback.listByRequest('req-a')).map((record) => record.id)).toEqual(oldestFirst);
      expect((await stores.feedback.listRecent(10)).map((record) => record.id)).toEqual(
        [...oldestFirst].reverse(),
      );
    });
  });

  it("reads bigint columns as exact numbers, without changing pg's parsers for the rest of the process", async () => {
    const url = await server.createDatabase();
    const latest = 8_640_000_000_000_000; // The largest time a Date can hold.
    await withStores(url, async (stores) => {
      const record = makeUsageRecord({ requestId: 'req-1', createdAt: latest, promptTokens: 2 ** 53 - 1 });
      await stores.usage.append([record]);
      expect(await stores.usage.get('req-1')).toEqual(record);
    });
    const [row] = await query<{ created_at: unknown }>(url, 'select created_at from usage_records');
    expect(row?.created_at).toBe(String(latest));
  });

  it('opens at most poolSize connections per instance', async () => {
    const url = await server.createDatabase();
    const database = new URL(url).pathname.slice(1);
    await withStores(
      url,
      async (stores) => {
        await Promise.all(Array.from({ length: 20 }, () => stores.usage.list({ limit: 10 })));
        const [count] = await query<{ connections: number }>(
          url,
          `select count(*)::int as connections from pg_stat_activity
           where datname = '${database}' and application_name = 'arbiter'`,
        );
        expect(count?.connections).toBe(3);
      },
      3,
    );
  });

  it('survives a pooled connection the server drops, reporting it to onConnectionError', async () => {
    const url = await server.createDatabase();
    const database = new URL(url).pathname.slice(1);
    const onConnectionError = vi.fn();
    const stores = await createPostgresStores({ url, poolSize: 1, onConnectionError });
    try {
      await query(
        url,
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = '${database}' and application_name = 'arbiter'`,
      );
      await vi.waitFor(() => expect(onConnectionError).toHaveBeenCalledOnce(), {
        timeout: 5_000,
        interval: 10,
      });
      expect(await stores.usage.list({ limit: 1 })).toEqual({ records: [] });
    } finally {
      await stores.close();
    }
  });

  it('refuses a database written by a newer version, naming it without its password', async () => {
    const url = await server.createDatabase();
    await withStores(url, async () => {});
    await query(url, `insert into arbiter_migration (name, timestamp) values ('9999_future', 'x')`);
    const withPassword = url.replace('postgres@', 'postgres:hunter22@');
    const error = await createPostgresStores({ url: withPassword }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/test_\d+ was written by a newer version of Arbiter \(migration 9999_future/,
    );
    expect((error as Error).message).not.toContain('hunter22');
  });

  it('names the server without its password when it cannot connect', async () => {
    const port = await getFreePort();
    const url = `postgres://arbiter:hunter22@127.0.0.1:${port}/arbiter?sslmode=disable`;
    const error = await createPostgresStores({ url }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `Cannot connect to PostgreSQL at postgres://arbiter:***@127.0.0.1:${port}/arbiter: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('rejects a pool size that is not a positive integer', async () => {
    for (const poolSize of [0, -1, 1.5]) {
      await expect(createPostgresStores({ url: server.url, poolSize })).rejects.toThrow(RangeError);
    }
  });
});
