import { systemClock, type Clock } from '../lib/clock.js';
import type { LearnedStatsStore } from '../store/learned-stats-store.js';
import type { Learning } from './create-learning.js';
import { createOneShotTimer } from '../lib/create-one-shot-timer.js';

/** Where and how often the learned statistics are saved. */
export interface LearningSaverOptions {
  learning: Pick<Learning, 'takeChangedSnapshots' | 'markChanged'>;
  store: LearnedStatsStore;
  clock?: Clock;
  /** A change waits at most this long before it is saved. Default 30 s (`LEARNING_SAVE_INTERVAL_SECONDS`). */
  intervalInMs?: number;
  /** Told about failed saves; the saver itself never throws. */
  onError?: (error: unknown, message: string) => void;
}

/** The off-path writer of learned statistics. */
export interface LearningSaver {
  /** Something changed: save it within the interval. Cheap and idempotent, for every update. */
  schedule(): void;
  /** Saves what changed now; resolves when it is stored (or the store failed and said so). */
  flush(): Promise<void>;
  /** Saves one last time; later changes are no longer scheduled. */
  close(): Promise<void>;
}

/**
 * Saves the learned statistics off the request path: the first change after a save arms one timer, and
 * when it fires the states changed since the last save go to the store in one batch. Nothing runs while
 * nothing changes, so an idle gateway holds no timer. A failed save marks its states changed again and
 * re-arms, so the next interval retries them. A crash loses at most one interval.
 *
 * @example
 * const learning = createLearning({ onChange: () => saver.schedule() });
 * const saver = createLearningSaver({ learning, store: stores.learnedStats });
 * await saver.close(); // at shutdown, before the stores close
 */
export function createLearningSaver(options: LearningSaverOptions): LearningSaver {
  const clock = options.clock ?? systemClock;
  const intervalInMs = options.intervalInMs ?? 30_000;
  const report = options.onError ?? (() => undefined);
  let saving: Promise<void> = Promise.resolve();
  let isClosed = false;

  const timer = createOneShotTimer(clock, intervalInMs, () => void flush());
  function schedule(): void {
    if (!isClosed) timer.arm();
  }

  function flush(): Promise<void> {
    timer.cancel();
    saving = saving.then(async () => {
      const snapshots = options.learning.takeChangedSnapshots();
      if (snapshots.length === 0) return;
      try {
        await options.store.save(snapshots);
      } catch (error) {
        options.learning.markChanged(snapshots);
        if (isClosed) {
          report(error, `saving ${snapshots.length} learned statistics at close failed; they are lost`);
          return;
        }
        report(error, `saving ${snapshots.length} learned statistics failed; retrying in ${intervalInMs} ms`);
        schedule();
      }
    });
    return saving;
  }

  return {
    schedule,
    flush,
    async close() {
      isClosed = true;
      await flush();
    },
  };
}
