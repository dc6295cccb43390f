import type { Clock } from '../../src/lib/clock.js';

/**
 * A clock that moves only when told: `advance(ms)` resolves every sleeper whose time has come, in order,
 * letting their continuations run before the next one wakes. `advance(0)` just lets pending work run.
 */
export function createFakeClock(start = 1_000_000) {
  let time = start;
  const sleepers: Array<{ at: number; resolve: () => void; reject: (reason: unknown) => void }> = [];
  const clock: Clock & { advance(ms: number): Promise<void>; pending(): number } = {
    now: () => time,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const sleeper = { at: time + Math.max(0, ms), resolve, reject };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            const index = sleepers.indexOf(sleeper);
            if (index !== -1) sleepers.splice(index, 1);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    async advance(ms) {
      const target = time + ms;
      for (;;) {
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers[0];
        if (!next || next.at > target) break;
        sleepers.shift();
        time = next.at;
        next.resolve();
        // Let every continuation of the woken sleeper run (microtasks drain before the next macrotask).
        await new Promise((resolve) => setImmediate(resolve));
      }
      time = target;
      await new Promise((resolve) => setImmediate(resolve));
    },
    pending: () => sleepers.length,
  };
  return clock;
}
