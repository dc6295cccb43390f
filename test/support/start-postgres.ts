import { execFileSync, spawn } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { initializePostgresCluster } from './initialize-postgres-cluster.js';
import { reapOnExit, removeDirectory } from './reap-on-exit.js';
import { getFreePort } from './start-prism.js';

/** A throwaway PostgreSQL server on a loopback port, with a superuser `postgres` that needs no password. */
export interface PostgresServer {
  /** A database created at start (`arbiter`): `postgres://postgres@127.0.0.1:<port>/arbiter`. */
  url: string;
  port: number;
  /** The postmaster's process id and the cluster's temporary directory, for clean-up checks. */
  pid: number;
  directory: string;
  /**
   * Creates an empty database (or a copy of `template`, which must have no open connection) and returns
   * its URL. Names default to `test_<n>`; a fresh database per suite or per test costs ~40 ms.
   */
  createDatabase(name?: string, options?: { template?: string }): Promise<string>;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

export interface StartPostgresOptions {
  /** How long to wait for the server to accept connections; default 20 s. */
  timeoutInMs?: number;
}

/** Where Debian's packages put each major version's binaries. */
const installRoot = '/usr/lib/postgresql';

/**
 * The server's settings, chosen for a test run: durability off (nothing here needs to survive a crash),
 * small memory, quiet logs. `max_connections` leaves room for several pools at once (concurrency tests).
 */
const serverSettings = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  shared_buffers: '16MB',
  max_connections: '100',
  log_min_messages: 'warning',
};

/**
 * Starts a PostgreSQL server from the installed binaries (the newest version under /usr/lib/postgresql)
 * in a temporary directory, in memory (/dev/shm) where there is one: a copy of an initialised cluster
 * (see `initializePostgresCluster`), then `postgres` on a random free loopback port with its socket in
 * that directory. PostgreSQL refuses to run as root, so under root it runs as the `postgres` user, which
 * owns the directory. Start-up takes a few hundred milliseconds; share one server per test file, with a
 * database per suite or test. Nothing outlives the test process (see `reapOnExit`).
 *
 * @example
 * const server = await startPostgres();
 * afterAll(() => server.close());
 * const url = await server.createDatabase();
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBinaries();
  const directory = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'arbiter-pg-'));
  const owner = process.getuid?.() === 0 ? getPostgresUser() : undefined;
  if (owner !== undefined) chownSync(directory, owner.uid, owner.gid);
  const dataDir = join(directory, 'data');
  const logPath = join(directory, 'server.log');
  try {
    await initializePostgresCluster(bin, dataDir, owner);
  } catch (error) {
    removeDirectory(directory);
    throw error;
  }

  const port = await getFreePort();
  const logFile = openSync(logPath, 'a');
  if (owner !== undefined) chownSync(logPath, owner.uid, owner.gid);
  const settings = Object.entries(serverSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const child = spawn(
    join(bin, 'postgres'),
    ['-D', dataDir, '-k', directory, '-h', '127.0.0.1', '-p', String(port), ...settings],
    { ...owner, stdio: ['ignore', logFile, logFile] },
  );
  closeSync(logFile);
  const disarm = reapOnExit({ pid: child.pid!, signal: 'SIGQUIT', directory });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    disarm();
    // Immediate shutdown: no checkpoint to write for a cluster that is about to be deleted.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    await exited;
    removeDirectory(directory);
  };

  const serverUrl = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let admin: pg.Client;
  try {
    admin = await connectWhenReady(serverUrl('postgres'), exited, options.timeoutInMs ?? 20_000);
  } catch (error) {
    const log = existsSync(logPath) ? readFileSync(logPath, 'utf8').slice(-2_000) : '';
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  // A server stopping under an open connection makes it emit 'error'; unhandled, that would crash the run.
  admin.on('error', () => {});

  let databases = 0;
  const createDatabase = async (name = `test_${++databases}`, createOptions: { template?: string } = {}) => {
    const template = createOptions.template === undefined ? '' : ` template ${quote(createOptions.template)}`;
    await admin.query(`create database ${quote(name)}${template}`);
    return serverUrl(name);
  };
  const url = await createDatabase('arbiter');
  return {
    url,
    port,
    pid: child.pid!,
    directory,
    createDatabase,
    async close() {
      await admin.end().catch(() => undefined);
      await stop();
    },
  };
}

/** The newest installed major version's `bin` directory. */
function findPostgresBinaries(): string {
  const versions = existsSync(installRoot)
    ? readdirSync(installRoot)
        .filter(
          (name) => /^\d+(\.\d+)?$/.test(name) && existsSync(join(installRoot, name, 'bin', 'postgres')),
        )
        .sort((left, right) => Number(right) - Number(left))
    : [];
  if (versions[0] === undefined) {
    throw new Error(
      `No PostgreSQL under ${installRoot}/*/bin: install Debian's postgresql package (.ci/run does).`,
    );
  }
  return join(installRoot, versions[0], 'bin');
}

function getPostgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch (error) {
    throw new Error('Running as root, PostgreSQL needs the "postgres" user, and there is none.', {
      cause: error,
    });
  }
}

/** Retries until the server answers, giving up when it exits or the time is up. */
async function connectWhenReady(url: string, exited: Promise<void>, timeoutInMs: number): Promise<pg.Client> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutInMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (hasExited) throw new Error('PostgreSQL exited during start-up', { cause: error });
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not start in ${timeoutInMs} ms`, { cause: error });
      // A real wait: the server is another process, and no fake clock can hurry it.
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** A quoted identifier. */
function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
