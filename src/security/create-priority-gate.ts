import type { Clock } from '../lib/clock.js';
import { TenancyError } from './tenancy-error.js';

/** Gives back the slot; calling it again does nothing. */
export type ReleaseSlot = () => void;

/** A gateway-wide limit on requests running at once, with a priority queue in front of it. */
export interface PriorityGate {
  /**
   * Resolves with a slot when one is free: at once below the limit, else in order of priority (higher
   * first) and arrival. Rejects with a `gateway-saturated` TenancyError when the wait runs out, or with
   * the signal's reason when it is aborted.
   */
  acquire(priority: number, signal?: AbortSignal): Promise<ReleaseSlot>;
  /** A slot at once when one is free and nobody waits, else undefined: the hot path's cheap way in. */
  tryAcquire(): ReleaseSlot | undefined;
  readonly running: number;
  readonly waiting: number;
}

export interface PriorityGateOptions {
  maxConcurrent: number;
  /** The longest a request waits for a slot; 0 refuses at once when every slot is busy. */
  queueTimeoutInMs: number;
  clock: Clock;
}

interface Waiter {
  priority: number;
  resolve: (release: ReleaseSlot) => void;
  reject: (reason: unknown) => void;
  timer: AbortController;
}

/** What a saturated gateway tells callers to wait before trying again. */
const retryAfterMs = 1_000;

/**
 * The admission queue: up to `maxConcurrent` requests run; the rest wait, enterprise keys before free
 * ones, first come first served within a priority, for at most `queueTimeoutInMs`. A released slot is
 * handed straight to the next waiter, so a newcomer can never overtake the queue.
 * @example const release = await gate.acquire(principal.limits.priority, signal); try { … } finally { release(); }
 */
export function createPriorityGate(options: PriorityGateOptions): PriorityGate {
  const { maxConcurrent, queueTimeoutInMs, clock } = options;
  let running = 0;
  const queue: Waiter[] = [];

  function createRelease(): ReleaseSlot {
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const next = queue.shift();
      if (!next) {
        running--;
        return;
      }
      next.timer.abort();
      next.resolve(createRelease());
    };
  }

  function remove(waiter: Waiter): boolean {
    const index = queue.indexOf(waiter);
    if (index === -1) return false;
    queue.splice(index, 1);
    waiter.timer.abort();
    return true;
  }

  function tryAcquire(): ReleaseSlot | undefined {
    if (running >= maxConcurrent || queue.length > 0) return undefined;
    running++;
    return createRelease();
  }

  return {
    tryAcquire,
    acquire(priority, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const release = tryAcquire();
      if (release) return Promise.resolve(release);
      if (queueTimeoutInMs === 0) return Promise.reject(saturated(queueTimeoutInMs));
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const waiter: Waiter = { priority, resolve, reject, timer: new AbortController() };
        // After the last waiter of the same or a higher priority: FIFO within a priority.
        const after = queue.findLastIndex((queued) => queued.priority >= priority);
        queue.splice(after + 1, 0, waiter);
        clock.sleep(queueTimeoutInMs, waiter.timer.signal).then(
          () => {
            if (remove(waiter)) reject(saturated(queueTimeoutInMs));
          },
          () => undefined,
        );
        signal?.addEventListener(
          'abort',
          () => {
            if (remove(waiter)) reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}

function saturated(queueTimeoutInMs: number): TenancyError {
  return new TenancyError(
    'gateway-saturated',
    `The gateway is at its limit of concurrent requests and this request waited ${queueTimeoutInMs} ms for a slot; retry shortly.`,
    { retryAfterMs },
  );
}
