import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFullUsageRecord, makeUsageRecord } from '../contract/usage-record-fixture.js';
import { sqlMigrations } from '../sql/sql-migrations.js';
import type { Stores } from '../stores.js';
import { createSqliteStores } from './create-sqlite-stores.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

const root = mkdtempSync(join(tmpdir(), 'arbiter-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let directories = 0;
const freshDataDir = () => join(root, String(directories++), 'nested', 'data');

/** Reads the database file directly, as an operator's `sqlite3` would. */
function inspect<T>(dataDir: string, read: (database: BetterSqlite3.Database) => T): T {
  const database = new BetterSqlite3(join(dataDir, 'arbiter.db'));
  try {
    return read(database);
  } finally {
    database.close();
  }
}

describe('openSqliteDatabase', () => {
  it('creates the directory and applies WAL, synchronous=NORMAL, a busy timeout and foreign keys', () => {
    const path = join(freshDataDir(), 'arbiter.db');
    const database = openSqliteDatabase(path);
    try {
      expect(existsSync(path)).toBe(true);
      expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.pragma('synchronous', { simple: true })).toBe(1);
      expect(database.pragma('busy_timeout', { simple: true })).toBe(5_000);
      expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      database.close();
    }
  });
});

describe('createSqliteStores', () => {
  it('creates <dataDir>/arbiter.db in WAL mode', async () => {
    const dataDir = freshDataDir();
    await (await createSqliteStores({ dataDir })).close();
    expect(inspect(dataDir, (database) => database.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('runs each migration once, and reopening is idempotent', async () => {
    const dataDir = freshDataDir();
    const applied = () =>
      inspect(dataDir, (database) => database.prepare('select * from arbiter_migration').all());
    await (await createSqliteStores({ dataDir })).close();
    const first = applied();
    expect(first).toEqual(
      Object.keys(sqlMigrations).map((name) => ({ name, timestamp: expect.any(String) })),
    );
    await (await createSqliteStores({ dataDir })).close();
    await (await createSqliteStores({ dataDir })).close();
    expect(applied()).toEqual(first);
  });

  it('refuses a database written by a newer version, with a clear error', async () => {
    const dataDir = freshDataDir();
    await (await createSqliteStores({ dataDir })).close();
    inspect(dataDir, (database) =>
      database.prepare("insert into arbiter_migration (name, timestamp) values ('0002_future', 'x')").run(),
    );
    await expect(createSqliteStores({ dataDir })).rejects.toThrow(
      /written by a newer version of Arbiter \(migration 0002_future is unknown/,
    );
  });

  it("keeps every port's data across a restart", async () => {
    const dataDir = freshDataDir();
    const write = await createSqliteStores({ dataDir });
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
    await write.gatewayKeys.putPlan({ name: 'free', priority: 0 });
    await write.providerKeys.put({
      id: 'groq#1',
      provider: 'groq',
      encryptedKey: 'enc:v1:x',
      weight: 1,
      createdAt: 1,
    });
    await write.learnedStats.save([{ targetId: 't1', route: '*', state: { n: 1 }, updatedAt: 1 }]);
    await write.responses.put({ id: 'resp_1', response: { id: 'resp_1' }, isNative: true, createdAt: 1 });
    await write.close();

    const read: Stores = await createSqliteStores({ dataDir });
    try {
      expect(await read.usage.get('req-01')).toEqual(makeFullUsageRecord('req-01'));
      expect(await read.conversations.get('conv-1')).toMatchObject({
        systemPrompt: 'Be brief.',
        messages: [{ content: 'Hi' }],
      });
      expect(await read.gatewayKeys.findByHash('h')).toMatchObject({ id: 'key-1' });
      expect(await read.gatewayKeys.listPlans()).toEqual([{ name: 'free', priority: 0 }]);
      expect(await read.providerKeys.list('groq')).toHaveLength(1);
      expect(await read.learnedStats.loadAll()).toEqual([
        { targetId: 't1', route: '*', state: { n: 1 }, updatedAt: 1 },
      ]);
      expect(await read.responses.get('resp_1')).toMatchObject({ isNative: true });
    } finally {
      await read.close();
    }
  });

  it('appends a batch in one transaction: a bad record rolls back the whole batch', async () => {
    const stores = await createSqliteStores({ dataDir: freshDataDir() });
    try {
      // Larger than one INSERT statement holds, so the failure lands in the second statement.
      const batch = Array.from({ length: 1_600 }, (_, index) =>
        makeUsageRecord({ requestId: `req-${String(index).padStart(5, '0')}`, createdAt: index }),
      );
      batch.push({ ...makeUsageRecord({ requestId: 'req-bad' }), endpoint: null as unknown as string });
      await expect(stores.usage.append(batch)).rejects.toThrow(/NOT NULL/);
      expect(await stores.usage.list({ limit: 1 })).toEqual({ records: [] });
    } finally {
      await stores.close();
    }
  });

  it('lets opens in one process on a new file migrate in turn', async () => {
    const dataDir = freshDataDir();
    const opened = await Promise.all([0, 1, 2].map(() => createSqliteStores({ dataDir })));
    try {
      await Promise.all(
        opened.map((stores, index) => stores.gatewayKeys.putPlan({ name: `p${index}`, priority: 0 })),
      );
      expect(await opened[0]!.gatewayKeys.listPlans()).toHaveLength(3);
    } finally {
      await Promise.all(opened.map((stores) => stores.close()));
    }
  });
});
