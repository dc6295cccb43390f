import type { LimitCounter, LimitStore } from '../limit-store.js';
import { getLimitWindow, type LimitWindow } from '../limit-window.js';

interface Counter {
  start: number;
  end: number;
  used: number;
}

export interface MemoryLimitStoreOptions {
  /** Counters kept before those of ended windows are swept out; default 10,000. */
  sweepAbove?: number;
}

/**
 * Limit counters in process memory: exact for one process, because each operation runs to completion
 * without awaiting anything (JavaScript runs one at a time), so no two reservations interleave. Several
 * instances need a shared backend (Redis) instead. One entry per counter and window kind; entries of
 * ended windows are replaced on use and swept when the map grows.
 * @example const limits = createMemoryLimitStore(); await limits.reserve([{ key: 'k/requests', window: 'hour', amount: 1, limit: 60 }], Date.now());
 */
export function createMemoryLimitStore(options: MemoryLimitStoreOptions = {}): LimitStore {
  const sweepAbove = options.sweepAbove ?? 10_000;
  const counters = new Map<string, Counter>();

  function current(key: string, window: LimitWindow, now: number): Counter {
    const name = `${window}|${key}`;
    const existing = counters.get(name);
    // A clock stepped back a little still counts in the window it was in, rather than starting afresh.
    if (existing && now < existing.end) return existing;
    if (counters.size >= sweepAbove) sweep(now);
    const { start, end } = getLimitWindow(window, now);
    const counter = { start, end, used: 0 };
    counters.set(name, counter);
    return counter;
  }

  function sweep(now: number): void {
    for (const [name, counter] of counters) if (counter.end <= now) counters.delete(name);
  }

  // Nothing asked, nothing refused: a free request passes a budget that settlement pushed past its limit.
  const fits = (amount: number, counter: Counter, limit: number): boolean =>
    amount === 0 || counter.used + amount <= limit;

  return {
    async reserve(reservations, now) {
      const found = reservations.map((reservation) => ({
        reservation,
        counter: current(reservation.key, reservation.window, now),
      }));
      const isAllowed = found.every(({ reservation, counter }) =>
        fits(reservation.amount, counter, reservation.limit),
      );
      let retryAfterMs = 0;
      const results: LimitCounter[] = found.map(({ reservation, counter }) => {
        const isFitting = fits(reservation.amount, counter, reservation.limit);
        if (isAllowed) counter.used += reservation.amount;
        else if (!isFitting) retryAfterMs = Math.max(retryAfterMs, counter.end - now);
        return {
          key: reservation.key,
          window: reservation.window,
          windowStart: counter.start,
          resetAt: counter.end,
          limit: reservation.limit,
          used: counter.used,
          remaining: Math.max(0, reservation.limit - counter.used),
          isAllowed: isFitting,
        };
      });
      return { isAllowed, counters: results, retryAfterMs };
    },

    async adjust(adjustments) {
      for (const adjustment of adjustments) {
        const counter = counters.get(`${adjustment.window}|${adjustment.key}`);
        if (counter?.start !== adjustment.windowStart) continue;
        counter.used = Math.max(0, counter.used + adjustment.delta);
      }
    },

    async read(key, window, now) {
      const counter = counters.get(`${window}|${key}`);
      return counter && now >= counter.start && now < counter.end ? counter.used : 0;
    },
  };
}
