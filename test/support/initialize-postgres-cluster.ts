import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { removeDirectory } from './reap-on-exit.js';

const run = promisify(execFile);

/** The user the server runs as (the `postgres` user when the tests run as root), or the current one. */
export interface ClusterOwner {
  uid: number;
  gid: number;
}

/**
 * The cluster every test server starts from: superuser `postgres` without a password on local
 * connections, UTF-8, and ICU's en-US collation (like a typical production server, so a query that
 * relies on code-unit order without saying so fails in tests too).
 */
const initdbOptions = [
  ...['-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8'],
  ...['--locale=C.UTF-8', '--locale-provider=icu', '--icu-locale=en-US'],
];

/** Initialised clusters, one per binary and options, reused across test files and runs. */
const cacheRoot = fileURLToPath(new URL('../../node_modules/.cache/arbiter-test-postgres/', import.meta.url));

/**
 * Puts a freshly initialised cluster at `dataDir`, owned by `owner`. `initdb` takes about a second and
 * its result is the same every time, so it runs once per PostgreSQL binary (its path and modification
 * time are in the cache key, so a package upgrade makes a new one) and each server gets a copy (~0.1 s).
 * Test files starting together may both initialise; the first rename into the cache wins, the other's
 * copy is discarded.
 */
export async function initializePostgresCluster(bin: string, dataDir: string, owner?: ClusterOwner) {
  const key = createHash('sha256')
    .update(JSON.stringify([bin, statSync(join(bin, 'postgres')).mtimeMs, initdbOptions, owner]))
    .digest('hex')
    .slice(0, 16);
  const cached = join(cacheRoot, key);
  if (!existsSync(cached)) await initializeIntoCache(bin, cached, owner);
  // As the test process's user, `cp -a` keeps the owner and the 0700 mode PostgreSQL insists on.
  await run('cp', ['-a', cached, dataDir]);
}

async function initializeIntoCache(bin: string, cached: string, owner?: ClusterOwner): Promise<void> {
  // initdb writes as `owner` into a directory of its own; the cache itself stays the test user's.
  const scratch = mkdtempSync(join(tmpdir(), 'arbiter-initdb-'));
  try {
    if (owner !== undefined) chownSync(scratch, owner.uid, owner.gid);
    const initialized = join(scratch, 'data');
    try {
      await run(join(bin, 'initdb'), ['-D', initialized, ...initdbOptions], {
        ...owner,
        env: { PATH: process.env.PATH ?? '' },
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr;
      throw new Error(`initdb failed: ${stderr ?? String(error)}`, { cause: error });
    }
    mkdirSync(cacheRoot, { recursive: true });
    const staged = join(cacheRoot, `.${process.pid}-${Date.now()}`);
    await run('cp', ['-a', initialized, staged]);
    try {
      renameSync(staged, cached);
    } catch (error) {
      removeDirectory(staged);
      if (!existsSync(cached)) throw error;
    }
  } finally {
    removeDirectory(scratch);
  }
}
