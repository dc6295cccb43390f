import { systemClock, type Clock } from '../lib/clock.js';
import type { UsageRecord, UsageStore } from '../store/usage-store.js';
import { buildUsageRecord } from './build-usage-record.js';
import type { FinishedRequest } from './finished-request.js';
import type { ModelInfoLookup } from './get-model-info.js';
import { createOneShotTimer } from '../lib/create-one-shot-timer.js';

export interface UsageRecorderOptions {
  store: UsageStore;
  getModelInfo: ModelInfoLookup;
  clock?: Clock;
  /** A record waits at most this long before its batch is written. Default 1000. */
  flushIntervalInMs?: number;
  /** A batch is written as soon as this many records wait. Default 500. */
  maxBatch?: number;
  /** Records held while the store keeps failing; the oldest are dropped beyond it. Default 50,000. */
  maxQueued?: number;
  redact?: (text: string) => string;
  /** Told about failed writes and dropped records; the recorder itself never throws. */
  onError?: (error: unknown, message: string) => void;
  /** Told of each batch once it is built (priced, counted), before it is written: metrics, alerts. */
  onRecords?: (records: readonly UsageRecord[]) => void;
}

/** The usage log's writer, off the request path (DESIGN.md §4.5). */
export interface UsageRecorder {
  /** Queues a finished request and returns at once: no I/O, no tokenizing, no serialising. */
  record(request: FinishedRequest): void;
  /** Writes everything queued so far; resolves when it is stored (or the store failed and said so). */
  flush(): Promise<void>;
  /** Flushes and stops; later records are dropped with an error. */
  close(): Promise<void>;
  /** Records not yet stored. */
  readonly pendingCount: number;
}

/**
 * Batches finished requests into one `UsageStore.append` (one transaction) per batch: when a record has
 * waited `flushIntervalInMs`, or when `maxBatch` records are waiting. Token counting for requests without
 * provider usage, pricing and serialising happen here at flush time. A crash (SIGKILL) therefore loses at
 * most the records of the last flush interval. A failed write is kept and retried on the next interval,
 * which is safe because the store ignores request ids it already has.
 * @example const usage = createUsageRecorder({ store: stores.usage, getModelInfo }); usage.record(finished);
 */
export function createUsageRecorder(options: UsageRecorderOptions): UsageRecorder {
  const clock = options.clock ?? systemClock;
  const intervalInMs = options.flushIntervalInMs ?? 1000;
  const maxBatch = options.maxBatch ?? 500;
  const maxQueued = options.maxQueued ?? 50_000;
  const redact = options.redact ?? ((text: string) => text);
  const report = options.onError ?? (() => undefined);
  const queue: FinishedRequest[] = [];
  let unwritten: UsageRecord[] = [];
  let writing: Promise<void> = Promise.resolve();
  /** The next drain, queued behind the one running: every flush until it starts shares it. */
  let scheduled: Promise<void> | undefined;
  let isClosed = false;

  const timer = createOneShotTimer(clock, intervalInMs, () => void flush());
  const arm = (): void => {
    if (!isClosed) timer.arm();
  };

  function flush(): Promise<void> {
    timer.cancel();
    if (!scheduled) {
      scheduled = writing.then(() => {
        scheduled = undefined;
        return drain();
      });
      writing = scheduled;
    }
    return scheduled;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 || unwritten.length > 0) {
      const batch =
        unwritten.length > 0 ? unwritten.splice(0, maxBatch) : await build(queue.splice(0, maxBatch));
      if (batch.length === 0) continue;
      try {
        await options.store.append(batch);
      } catch (error) {
        if (isClosed) {
          const lost = batch.length + unwritten.length + queue.length;
          unwritten = [];
          queue.length = 0;
          report(error, `writing the usage log at close failed; ${lost} usage records are lost`);
          return;
        }
        unwritten = [...batch, ...unwritten];
        const excess = unwritten.length + queue.length - maxQueued;
        if (excess > 0) {
          unwritten.splice(0, excess);
          report(error, `the usage store failed; ${excess} usage records were dropped`);
        } else report(error, `writing ${batch.length} usage records failed; retrying in ${intervalInMs} ms`);
        arm();
        return;
      }
    }
  }

  async function build(requests: FinishedRequest[]): Promise<UsageRecord[]> {
    const records: UsageRecord[] = [];
    for (const request of requests) {
      try {
        records.push(await buildUsageRecord(request, { getModelInfo: options.getModelInfo, redact }));
      } catch (error) {
        report(error, `the usage record of ${request.requestId} could not be built`);
      }
    }
    try {
      options.onRecords?.(records);
    } catch (error) {
      report(error, 'a usage records listener failed');
    }
    return records;
  }

  return {
    record(request) {
      if (isClosed) {
        report(new Error('the usage recorder is closed'), `usage of ${request.requestId} was not recorded`);
        return;
      }
      if (queue.length + unwritten.length >= maxQueued) {
        queue.shift();
        report(
          new Error('usage queue full'),
          'the usage store is behind; the oldest usage record was dropped',
        );
      }
      queue.push(request);
      if (queue.length >= maxBatch) void flush();
      else arm();
    },
    flush,
    async close() {
      // Closed first, so a failing last write is reported once instead of re-armed for a retry.
      isClosed = true;
      await flush();
    },
    get pendingCount() {
      return queue.length + unwritten.length;
    },
  };
}
