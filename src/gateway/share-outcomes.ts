import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../lib/clock.js';
import type { Outcome } from '../routing/outcome.js';
import type { EventBus } from '../store/event-bus.js';

const TOPIC = 'outcomes';

export interface ShareOutcomesOptions {
  bus: EventBus;
  /** Told of every other instance's outcomes (breakers, key health, live statistics, learning). */
  onRemote: (outcome: Outcome) => void;
  clock?: Clock;
  /** Local outcomes wait at most this long before their batch is published. Default 200 ms. */
  intervalInMs?: number;
  /** A batch is published as soon as this many wait. Default 500. */
  maxBatch?: number;
  onError?: (error: unknown, message: string) => void;
}

export interface OutcomeSharing {
  /** This instance's id, as its batches carry it. */
  readonly instanceId: string;
  /** Queues a local outcome for the next batch; returns at once. */
  share(outcome: Outcome): void;
  /** Publishes what is queued. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Makes every instance learn from all traffic: local attempt outcomes are published in small batches
 * (a few messages a second, not one per request) and every other instance feeds them into its own
 * routing health and learning, so a target tripped on one instance is avoided by all within a batch
 * interval, and learned statistics converge. Best effort by design — a lost batch only delays what the
 * next ones say.
 * @example const sharing = await shareOutcomes({ bus, onRemote: (o) => health.onOutcome(o) }); gateway.onOutcome(sharing.share);
 */
export async function shareOutcomes(options: ShareOutcomesOptions): Promise<OutcomeSharing> {
  const clock = options.clock ?? systemClock;
  const intervalInMs = options.intervalInMs ?? 200;
  const maxBatch = options.maxBatch ?? 500;
  const report = options.onError ?? (() => undefined);
  const instanceId = randomUUID();
  let queue: Outcome[] = [];
  let timer: AbortController | undefined;
  let isFailing = false;

  const unsubscribe = await options.bus.subscribe(TOPIC, (message) => {
    let batch: { from?: string; outcomes?: Outcome[] };
    try {
      batch = JSON.parse(message) as typeof batch;
    } catch (error) {
      report(error, 'an outcome batch from another instance was not valid JSON');
      return;
    }
    if (batch.from === instanceId || !Array.isArray(batch.outcomes)) return;
    for (const outcome of batch.outcomes) options.onRemote({ ...outcome, isRemote: true });
  });

  async function flush(): Promise<void> {
    timer?.abort();
    timer = undefined;
    if (queue.length === 0) return;
    const outcomes = queue;
    queue = [];
    try {
      await options.bus.publish(TOPIC, JSON.stringify({ from: instanceId, outcomes }));
      isFailing = false;
    } catch (error) {
      // Once per outage: the other instances simply learn less until it ends.
      if (!isFailing) report(error, `sharing ${outcomes.length} outcomes with other instances failed`);
      isFailing = true;
    }
  }

  function arm(): void {
    if (timer) return;
    const controller = new AbortController();
    timer = controller;
    clock.sleep(intervalInMs, controller.signal).then(
      () => {
        if (timer === controller) timer = undefined;
        void flush();
      },
      () => undefined,
    );
  }

  return {
    instanceId,
    share(outcome) {
      if (outcome.isRemote) return;
      queue.push(outcome);
      if (queue.length >= maxBatch) void flush();
      else arm();
    },
    flush,
    async close() {
      await flush();
      await unsubscribe();
    },
  };
}
