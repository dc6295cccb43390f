import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openSqliteDatabase } from './open-sqlite-database.js';
import type { CheckpointResult } from './start-wal-checkpointer.js';
import { startWalCheckpointer } from './start-wal-checkpointer.js';

const root = mkdtempSync(join(tmpdir(), 'arbiter-checkpointer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const autoCheckpoint = (database: ReturnType<typeof openSqliteDatabase>) =>
  database.pragma('wal_autocheckpoint', { simple: true });

describe('startWalCheckpointer', () => {
  it('checkpoints from a worker while the main connection never does, until stopped', async () => {
    const database = openSqliteDatabase(join(root, 'ok', 'arbiter.db'));
    const results: CheckpointResult[] = [];
    const checkpointer = startWalCheckpointer(database, {
      intervalInMs: 10,
      busyTimeoutInMs: 1_000,
      onCheckpoint: (result) => results.push(result),
    });
    try {
      expect(autoCheckpoint(database)).toBe(0);
      database.exec('create table t (value text)');
      database.prepare('insert into t values (?)').run('x'.repeat(50_000));
      // Every frame the writer added reaches the database file through the worker's connection.
      await vi.waitFor(
        () =>
          expect(results.some((result) => result.log > 0 && result.checkpointed === result.log)).toBe(true),
        {
          timeout: 5_000,
        },
      );
    } finally {
      await checkpointer.stop();
    }
    expect(autoCheckpoint(database)).toBe(1_000);
    database.close();
  });

  it('gives checkpoints back to the main connection when the worker fails', async () => {
    const directory = join(root, 'moved');
    const database = openSqliteDatabase(join(directory, 'arbiter.db'));
    // The main connection keeps its open file; the worker finds a directory where the file was, and fails.
    renameSync(directory, join(root, 'moved-away'));
    mkdirSync(join(directory, 'arbiter.db'), { recursive: true });
    const checkpointer = startWalCheckpointer(database, { intervalInMs: 10, busyTimeoutInMs: 1_000 });
    await vi.waitFor(() => expect(autoCheckpoint(database)).toBe(1_000), { timeout: 5_000 });
    await checkpointer.stop();
    database.close();
  });

  it('keeps the process alive until stop() has closed the worker', () => {
    // A script whose last step awaits stop(): the idle worker is unref'd, so without a ref while stopping
    // Node would exit mid-await (status 13) and never print.
    const script = join(root, 'stop-last.mts');
    const module = (name: string) => JSON.stringify(new URL(`./${name}.ts`, import.meta.url).pathname);
    writeFileSync(
      script,
      [
        `import { openSqliteDatabase } from ${module('open-sqlite-database')};`,
        `import { startWalCheckpointer } from ${module('start-wal-checkpointer')};`,
        `const database = openSqliteDatabase(${JSON.stringify(join(root, 'script', 'arbiter.db'))});`,
        'await startWalCheckpointer(database, { intervalInMs: 1_000, busyTimeoutInMs: 1_000 }).stop();',
        'database.close();',
        "console.log('closed');",
      ].join('\n'),
    );
    const output = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(output.trim()).toBe('closed');
  });
});
