import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startPostgres } from './start-postgres.js';
import { startRedis } from './start-redis.js';

const scripts = mkdtempSync(join(tmpdir(), 'arbiter-start-servers-'));
afterAll(() => rmSync(scripts, { recursive: true, force: true }));

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Both the server process and its directory are gone (the reaper polls, so this takes up to ~0.5 s). */
async function expectGone(server: { pid: number; directory: string }): Promise<void> {
  await vi.waitFor(
    () => {
      expect(isRunning(server.pid)).toBe(false);
      expect(existsSync(server.directory)).toBe(false);
    },
    { timeout: 10_000, interval: 50 },
  );
}

/**
 * Runs a script in a child Node process that starts a server, prints its pid and directory, then ends
 * as `ending` says, and returns what it printed once it has ended.
 */
async function startInChild(
  start: 'startPostgres' | 'startRedis',
  ending: 'throws' | 'is killed',
): Promise<{ pid: number; directory: string }> {
  const module = JSON.stringify(
    new URL(`./${start === 'startPostgres' ? 'start-postgres' : 'start-redis'}.ts`, import.meta.url).pathname,
  );
  const script = join(scripts, `${start}-${ending === 'throws' ? 'throws' : 'killed'}.mts`);
  writeFileSync(
    script,
    [
      `import { ${start} } from ${module};`,
      `const server = await ${start}();`,
      'console.log(JSON.stringify({ pid: server.pid, directory: server.directory }));',
      ending === 'throws'
        ? "throw new Error('a failing test that never closes its server');"
        : 'setInterval(() => {}, 1_000);',
    ].join('\n'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await vi.waitFor(() => expect(output).toContain('\n'), { timeout: 20_000, interval: 20 });
  const server = JSON.parse(output) as { pid: number; directory: string };
  expect(isRunning(server.pid)).toBe(true);
  if (ending === 'is killed') child.kill('SIGKILL');
  await exited;
  return server;
}

describe('startPostgres', () => {
  it('serves databases on a loopback port, sorts text like en-US, and leaves nothing behind', async () => {
    const server = await startPostgres();
    let isClosed = false;
    try {
      expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/arbiter`);
      const client = new pg.Client(await server.createDatabase('suite_a'));
      await client.connect();
      const { rows } = await client.query<{ database: string; isLocaleOrder: boolean }>(
        `select current_database() as database, 'req-B' > 'req-a' as "isLocaleOrder"`,
      );
      await client.query('create table t (value text)');
      await client.end();
      expect(rows).toEqual([{ database: 'suite_a', isLocaleOrder: true }]);
      // A copy of a template starts with its tables.
      const copy = new pg.Client(await server.createDatabase('suite_b', { template: 'suite_a' }));
      await copy.connect();
      expect((await copy.query('select count(*)::int as n from t')).rows).toEqual([{ n: 0 }]);
      await copy.end();
      await server.close();
      isClosed = true;
      expect(isRunning(server.pid)).toBe(false);
      expect(existsSync(server.directory)).toBe(false);
    } finally {
      if (!isClosed) await server.close();
    }
  });

  it('stops the server of a test process that fails without closing it', async () => {
    await expectGone(await startInChild('startPostgres', 'throws'));
  });
});

describe('startRedis', () => {
  it('answers on a loopback port without persistence, and leaves nothing behind', async () => {
    const server = await startRedis();
    const client = new Redis(server.url, { lazyConnect: true });
    try {
      await client.connect();
      await client.set('greeting', 'hello');
      expect(await client.get('greeting')).toBe('hello');
      expect(await client.config('GET', 'save')).toEqual(['save', '']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    } finally {
      client.disconnect();
      await server.close();
    }
    expect(isRunning(server.pid)).toBe(false);
    expect(existsSync(server.directory)).toBe(false);
  });

  it('stops the server of a test process killed with SIGKILL', async () => {
    await expectGone(await startInChild('startRedis', 'is killed'));
  });
});
