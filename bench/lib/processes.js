// Child processes of a benchmark run: every one is tracked so none outlives the runner (Ctrl-C included).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const children = new Set();
const tempDirs = new Set();
const isRunning = (child) => child.exitCode === null && child.signalCode === null;

process.on('exit', () => {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    process.stderr.write(`\n${signal}: stopping child processes\n`);
    await Promise.all([...children].map((child) => stopChild(child, 2000)));
    process.exit(130);
  });
}

/** SIGTERM (graceful, so a --cpu-prof profile gets written), SIGKILL after `graceMs`. */
export async function stopChild(child, graceMs = 5000) {
  if (!isRunning(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** Resolves once something accepts TCP connections on the port. */
async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Spawns `node ...args(port)` in an empty temp dir (no .env or arbiter.yaml to pick up unless `files`
 * puts one there) with a bare env and stdout discarded, and waits until it is ready: its "listening on
 * http://…" line on stderr, or (`ready: 'port'`, for servers that print elsewhere) an open port.
 */
export async function startServer(name, args, extraEnv = {}, options = {}) {
  const { profileDir, files = {}, ready = 'stderr' } = options;
  const port = await freePort();
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'arbiter-bench-'));
  tempDirs.add(cwd);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(cwd, file), text);
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args(port)], {
    cwd,
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('was not ready within 30 s'), 30_000);
    const fail = (why) => reject(new Error(`${name} ${why}\n${stderr.slice(-2000)}`));
    child.once('exit', (code, signal) => fail(`exited early (${signal ?? code})`));
    child.stderr.setEncoding('utf8').on('data', (text) => {
      stderr = (stderr + text).slice(-8000); // keep draining so the pipe never blocks the child
      const match = ready === 'stderr' && /listening on (http:\/\/\S+)/.exec(stderr);
      if (!match) return;
      clearTimeout(timer);
      resolve(new URL(match[1]).origin);
    });
    if (ready === 'port') {
      waitForPort(port, 30_000).then(
        () => {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        },
        (error) => fail(error.message),
      );
    }
  });
  return {
    url,
    pid: child.pid,
    stop: async () => {
      await stopChild(child);
      children.delete(child);
      rmSync(cwd, { recursive: true, force: true });
      tempDirs.delete(cwd);
    },
  };
}

/** The provider simulator of the built CLI (`arbiter simulate`, seeded, so every run sees the same answers). */
export const startSimulator = (cli) =>
  startServer('simulator', (port) => [cli, 'simulate', '--port', String(port), '--seed', '1']);
