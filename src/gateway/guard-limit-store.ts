import type { LimitsFailMode } from '../config/read-redis-config.js';
import { TenancyError } from '../security/tenancy-error.js';
import type { LimitCounter, LimitStore } from '../store/limit-store.js';
import { getLimitWindow } from '../store/limit-window.js';

export interface GuardedLimitStoreOptions {
  /** The shared counters (Redis), which can become unreachable. */
  store: LimitStore;
  /** `LIMITS_FAIL_MODE`: refuse (`closed`) or admit unchecked (`open`) while the store is unreachable. */
  failMode: LimitsFailMode;
  /** Told once when the store starts failing and once when it works again. */
  onError: (error: unknown, message: string) => void;
}

/** A LimitStore that applies the configured fail mode, and says whether its store is reachable. */
export interface GuardedLimitStore extends LimitStore {
  /** False since the last operation failed; true again after one works. */
  readonly isHealthy: boolean;
}

/** A client may try again after this long: Redis reconnects within a couple of seconds once it is back. */
const retryAfterMs = 2_000;

/**
 * Makes the fail mode explicit (issue "Running many instances", item 5). While the shared store fails,
 * `closed` refuses every request that needs a limit check with a `limits-unavailable` TenancyError (503
 * `limits_unavailable`), so no quota or budget can be overspent; `open` admits it as if every counter had
 * room — nothing is counted for the outage — and says so in the log once. Settlements that cannot be
 * written are dropped (reported once per outage); reading a counter fails in either mode, as there is
 * nothing true to show.
 * @example const limits = guardLimitStore({ store: createRedisLimitStore(redis), failMode: 'closed', onError });
 */
export function guardLimitStore(options: GuardedLimitStoreOptions): GuardedLimitStore {
  const { store, failMode } = options;
  let isHealthy = true;

  function fail(error: unknown): TenancyError {
    if (isHealthy) {
      const consequence =
        failMode === 'closed'
          ? 'requests that need a limit check are refused with 503 limits_unavailable (LIMITS_FAIL_MODE=closed)'
          : 'requests are admitted without limit checks (LIMITS_FAIL_MODE=open)';
      options.onError(error, `the shared limit store is unreachable; ${consequence}`);
    }
    isHealthy = false;
    return new TenancyError(
      'limits-unavailable',
      'Usage limits cannot be checked right now: the shared limit store (Redis) is unreachable, and this gateway refuses requests rather than admit them unchecked. Try again shortly.',
      { retryAfterMs },
    );
  }

  function recover(): void {
    if (!isHealthy) options.onError(undefined, 'the shared limit store is reachable again; limits apply');
    isHealthy = true;
  }

  return {
    async reserve(reservations, now) {
      try {
        const result = await store.reserve(reservations, now);
        recover();
        return result;
      } catch (error) {
        const refusal = fail(error);
        if (failMode === 'closed') throw refusal;
        const counters = reservations.map((reservation): LimitCounter => {
          const { start, end } = getLimitWindow(reservation.window, now);
          const { key, window, limit } = reservation;
          return {
            key,
            window,
            windowStart: start,
            resetAt: end,
            limit,
            used: 0,
            remaining: limit,
            isAllowed: true,
          };
        });
        return { isAllowed: true, counters, retryAfterMs: 0 };
      }
    },
    async adjust(adjustments) {
      try {
        await store.adjust(adjustments);
        recover();
      } catch (error) {
        fail(error);
      }
    },
    async read(key, window, now) {
      try {
        const value = await store.read(key, window, now);
        recover();
        return value;
      } catch (error) {
        throw fail(error);
      }
    },
    get isHealthy() {
      return isHealthy;
    },
  };
}
