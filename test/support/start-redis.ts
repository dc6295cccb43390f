import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reapOnExit, removeDirectory } from './reap-on-exit.js';
import { getFreePort } from './start-prism.js';

/** A throwaway Redis server on a loopback port, without persistence or a password. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The server's process id and temporary directory, for clean-up checks. */
  pid: number;
  directory: string;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

export interface StartRedisOptions {
  /** How long to wait for PONG; default 10 s. */
  timeoutInMs?: number;
  /** The executable; default `redis-server` from the PATH (Debian's package). */
  command?: string;
}

/**
 * Starts `redis-server` on a random free loopback port with persistence off (`--save ''`,
 * `--appendonly no`) and its working directory in a temporary one, and resolves once it answers PING.
 * Start-up takes a few milliseconds; one server per test file is plenty, `FLUSHALL` between tests.
 * Nothing outlives the test process (see `reapOnExit`).
 *
 * @example
 * const redis = await startRedis();
 * afterAll(() => redis.close());
 * const client = new Redis(redis.url);
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<RedisServer> {
  const directory = mkdtempSync(join(tmpdir(), 'arbiter-redis-'));
  const logPath = join(directory, 'server.log');
  const port = await getFreePort();
  const child = spawn(
    options.command ?? 'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--dir', directory, '--logfile', logPath],
    ],
    { stdio: 'ignore' },
  );
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  try {
    await spawned;
  } catch (error) {
    removeDirectory(directory);
    throw new Error(`redis-server could not be started: ${(error as Error).message}`, { cause: error });
  }
  const disarm = reapOnExit({ pid: child.pid!, signal: 'SIGTERM', directory });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    disarm();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    removeDirectory(directory);
  };

  try {
    await waitForPong(port, exited, options.timeoutInMs ?? 10_000);
  } catch (error) {
    let log = '';
    try {
      log = readFileSync(logPath, 'utf8').slice(-2_000);
    } catch {
      // No log written yet.
    }
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid!, directory, close: stop };
}

/** Sends PING until the answer is PONG, giving up when the server exits or the time is up. */
async function waitForPong(port: number, exited: Promise<void>, timeoutInMs: number): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutInMs;
  while (!(await ping(port))) {
    if (hasExited) throw new Error('redis-server exited during start-up');
    if (Date.now() > deadline) throw new Error(`redis-server did not answer PING in ${timeoutInMs} ms`);
    // A real wait: the server is another process, and no fake clock can hurry it.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One PING over a fresh connection: true on `+PONG`, false on any failure. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const finish = (isPong: boolean): void => {
      socket.destroy();
      resolve(isPong);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) finish(answer.startsWith('+PONG'));
    });
  });
}
