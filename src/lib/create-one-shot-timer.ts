import type { Clock } from './clock.js';

/** A timer that is either armed once or idle; see createOneShotTimer. */
export interface OneShotTimer {
  /** Starts the countdown unless one is already running. */
  arm(): void;
  /** Stops a running countdown; `onFire` will not run for it. */
  cancel(): void;
}

/**
 * The timer behind batched writers (the usage recorder, the learning saver): the first event after a
 * write arms it, later ones ride on it, and a write that happens early cancels it. It runs on the
 * injected clock, so tests drive it, and holds nothing while idle.
 * @example const timer = createOneShotTimer(clock, 1_000, () => void flush()); timer.arm();
 */
export function createOneShotTimer(clock: Clock, intervalInMs: number, onFire: () => void): OneShotTimer {
  let running: AbortController | undefined;
  return {
    arm() {
      if (running) return;
      const controller = new AbortController();
      running = controller;
      clock.sleep(intervalInMs, controller.signal).then(
        () => {
          if (running !== controller) return;
          running = undefined;
          onFire();
        },
        () => undefined,
      );
    },
    cancel() {
      running?.abort();
      running = undefined;
    },
  };
}
