import type { LimitWindow } from './limit-window.js';

/** One amount to take from one counter, if it fits under its limit. */
export interface LimitReservation {
  /** The counter's name, e.g. `key_3f9a/requests`; the same name in two windows is two counters. */
  key: string;
  window: LimitWindow;
  /** What this request takes (a request, estimated tokens, nano-dollars); 0 only checks. */
  amount: number;
  /** The most the counter may reach in one window. */
  limit: number;
}

/** A counter as a reservation left it (or found it, when refused). */
export interface LimitCounter {
  key: string;
  window: LimitWindow;
  /** Unix ms; settle against it with `adjust`. */
  windowStart: number;
  /** Unix ms when the window ends and the counter starts again from 0. */
  resetAt: number;
  limit: number;
  /** Counted in the window: including this amount when allowed, without it when refused. */
  used: number;
  remaining: number;
  /** Whether this counter had room for the amount. */
  isAllowed: boolean;
}

export interface LimitReservationResult {
  /** True when every counter had room, and so every amount was taken. */
  isAllowed: boolean;
  /** One per reservation, in the same order. */
  counters: LimitCounter[];
  /** When refused: until every refusing counter's window has ended; 0 when allowed. */
  retryAfterMs: number;
}

/** A correction to a counter's window, once the real amount is known (or a reservation is undone). */
export interface LimitAdjustment {
  key: string;
  window: LimitWindow;
  /** The window the reservation was taken in; a window that has ended since is left alone. */
  windowStart: number;
  /** Added to the counter, which never goes below 0. */
  delta: number;
}

/**
 * Usage counters in fixed UTC windows (see `getLimitWindow`), shared by every instance that uses the same
 * backend: in memory for one process, Redis (atomic Lua scripts) for many. Every operation is atomic, so
 * limits are exact under any concurrency: 200 simultaneous reservations against a limit of 60 admit 60.
 */
export interface LimitStore {
  /**
   * All or nothing: takes every amount when each fits (`used + amount <= limit`; an amount of 0 always
   * fits), else takes none. Use
   * it with every limit a request is subject to, so a refusal by one never holds back the others.
   */
  reserve(reservations: readonly LimitReservation[], now: number): Promise<LimitReservationResult>;
  /** Applies each correction to its window, if that window is still the current one. */
  adjust(adjustments: readonly LimitAdjustment[]): Promise<void>;
  /** What the counter holds in the window `now` falls in (0 when nothing was counted). */
  read(key: string, window: LimitWindow, now: number): Promise<number>;
}
