import { delay } from './delay.js';

/**
 * Time, injectable: routing waits (backoff, hedging, rate limits) and ages state (cooldowns, breakers)
 * through a Clock, so tests drive it with a fake one and never sleep.
 */
export interface Clock {
  /** Unix milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, signal),
};
