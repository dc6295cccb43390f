import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { ArbiterConfig } from '../config/arbiter-config.js';
import { answerClusterMetrics } from '../server/metrics/read-cluster-metrics.js';

/** A worker that lived this long before crashing is "healthy again": its replacement starts at once. */
const stableAfterMs = 30_000;

/**
 * How many processes `arbiter serve` runs (`ARBITER_WORKERS`): as configured, else one per core with
 * Redis, else one — without Redis, limits, breakers, statistics and the cache would be per worker.
 */
export function getWorkerCount(config: Pick<ArbiterConfig, 'workers' | 'redis'>): number {
  return config.workers ?? (config.redis ? availableParallelism() : 1);
}

/** The warning printed when several workers run without Redis: exactly what each one keeps to itself. */
export const perWorkerWarning =
  'WARNING: ARBITER_WORKERS > 1 without REDIS_URL: each worker keeps its own rate-limit, quota and budget counters (a key gets up to N times its limit), its own circuit breakers and key cooldowns, its own learned statistics and its own response cache; key revocations reach the other workers only after ARBITER_KEY_CACHE_TTL_MS. Set REDIS_URL to share them.';

/**
 * The delay before replacing a crashed worker: none after a worker that ran for a while, then doubling
 * from 1 s per crash in a row up to 30 s, so a worker that cannot start does not spin the CPU.
 */
export function getRestartDelayInMs(consecutiveCrashes: number): number {
  if (consecutiveCrashes <= 0) return 0;
  return Math.min(30_000, 1_000 * 2 ** (consecutiveCrashes - 1));
}

export interface WorkerClusterOptions {
  count: number;
  /** One line for the operator (stderr). */
  log(line: string): void;
}

/**
 * The primary of `arbiter serve` with several workers (node:cluster): forks `count` workers that share
 * the port (each runs `serve` as a single process), replaces one that dies unasked (after
 * `getRestartDelayInMs`), passes SIGTERM/SIGINT on so every worker drains its requests, and exits when
 * all have exited — 0 when every worker stopped cleanly. It also gathers every worker's metrics for
 * `/metrics`. A second signal makes the workers exit at once (their own second-signal rule).
 */
export function runWorkerCluster(options: WorkerClusterOptions): Promise<number> {
  answerClusterMetrics();
  let isStopping = false;
  let consecutiveCrashes = 0;
  let exitCode = 0;
  const startedAt = new Map<Worker, number>();
  const listening = new WeakSet<Worker>();
  cluster.on('listening', (worker) => listening.add(worker));
  const fork = (): void => {
    startedAt.set(cluster.fork(), Date.now());
  };
  for (let index = 0; index < options.count; index++) fork();

  return new Promise((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      const livedMs = Date.now() - (startedAt.get(worker) ?? Date.now());
      startedAt.delete(worker);
      if (isStopping) {
        if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT') exitCode = 1;
        if (startedAt.size === 0) resolve(exitCode);
        return;
      }
      consecutiveCrashes = livedMs >= stableAfterMs ? 1 : consecutiveCrashes + 1;
      const delay = livedMs >= stableAfterMs ? 0 : getRestartDelayInMs(consecutiveCrashes);
      options.log(
        `worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting a replacement${delay > 0 ? ` in ${delay / 1000} s` : ''}`,
      );
      setTimeout(() => {
        if (!isStopping) fork();
        else if (startedAt.size === 0) resolve(exitCode);
      }, delay);
    });
    const stop = (signal: NodeJS.Signals): void => {
      const isImmediate = isStopping;
      isStopping = true;
      if (startedAt.size === 0) resolve(exitCode);
      // A message, not the signal: Ctrl-C already signalled every worker, and a second signal would
      // make them exit without draining.
      for (const worker of startedAt.keys()) {
        // One still starting has no handler yet: the signal ends it (it has nothing to drain).
        if (worker.isConnected() && listening.has(worker))
          worker.send({ type: 'arbiter:stop', signal, isImmediate });
        else worker.process.kill(signal);
      }
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}
