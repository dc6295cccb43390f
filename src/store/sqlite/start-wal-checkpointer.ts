import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** What one checkpoint did, as `PRAGMA wal_checkpoint` reports it: WAL frames, and how many reached the file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface WalCheckpointer {
  /** Stops the worker and closes its connection; the main connection's own checkpoints resume. */
  stop(): Promise<void>;
}

/**
 * The worker's code, as CommonJS evaluated in the thread: no separate file to locate at run time, from
 * `src/` under vitest or from `dist/`. The driver is loaded by absolute path for the same reason.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const database = new Database(workerData.path);
database.pragma('busy_timeout = ' + workerData.busyTimeoutInMs);
const timer = setInterval(() => {
  const [result] = database.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage(result);
}, workerData.intervalInMs);
parentPort.on('message', () => {
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the event loop. SQLite checkpoints automatically on the connection whose commit
 * pushes the WAL past 1,000 pages, and a checkpoint fsyncs the database file: measured on the reference
 * machine, that turned a 14 ms batch insert into a 100–900 ms stall of the main thread every few batches.
 * Here the main connection never checkpoints (`wal_autocheckpoint=0`); a worker thread with its own
 * connection runs a PASSIVE checkpoint (which never blocks the writer) every `intervalInMs`. Should the
 * worker fail, the main connection's automatic checkpoints come back, so the WAL can never grow unbounded.
 */
export function startWalCheckpointer(
  database: SqliteDatabase,
  options: {
    intervalInMs: number;
    busyTimeoutInMs: number;
    onCheckpoint?: (result: CheckpointResult) => void;
  },
): WalCheckpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  database.pragma('wal_autocheckpoint = 0');
  const { intervalInMs, busyTimeoutInMs } = options;
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { driverPath, path: database.name, intervalInMs, busyTimeoutInMs },
  });
  worker.unref();
  let isStopping = false;
  const restoreAutomaticCheckpoints = () => {
    if (database.open) database.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (result: CheckpointResult) => options.onCheckpoint?.(result));
  // A failed worker (the file became unreadable, the thread crashed) must not leave the WAL growing.
  worker.on('error', restoreAutomaticCheckpoints);
  worker.on('exit', () => {
    if (!isStopping) restoreAutomaticCheckpoints();
  });
  // Handled now: `once` rejects if the worker fails, and nobody may be awaiting it yet.
  const exited = once(worker, 'exit').catch(() => undefined);

  return {
    async stop() {
      if (isStopping) return;
      isStopping = true;
      // Unref'd so an idle worker never keeps the process alive, but a pending stop must: otherwise a
      // script that awaits close() as its last step exits before the connections are closed.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      restoreAutomaticCheckpoints();
    },
  };
}
