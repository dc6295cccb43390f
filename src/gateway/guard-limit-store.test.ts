import { describe, expect, it } from 'vitest';
import { TenancyError } from '../security/tenancy-error.js';
import type { LimitStore } from '../store/limit-store.js';
import { createMemoryLimitStore } from '../store/memory/create-memory-limit-store.js';
import { guardLimitStore } from './guard-limit-store.js';

const now = Date.UTC(2026, 0, 5, 13, 30);
const reservation = { key: 'key_a/requests', window: 'hour' as const, amount: 1, limit: 60 };

/** A memory store that fails every call while `isDown`, like Redis with its connection gone. */
function createFlakyStore() {
  const memory = createMemoryLimitStore();
  const state = { isDown: false };
  const guard = <T>(call: () => Promise<T>): Promise<T> =>
    state.isDown ? Promise.reject(new Error('Connection is closed.')) : call();
  const store: LimitStore = {
    reserve: (reservations, at) => guard(() => memory.reserve(reservations, at)),
    adjust: (adjustments) => guard(() => memory.adjust(adjustments)),
    read: (key, window, at) => guard(() => memory.read(key, window, at)),
  };
  return { store, state, memory };
}

describe('guardLimitStore', () => {
  it('passes everything through while the store works', async () => {
    const { store } = createFlakyStore();
    const guarded = guardLimitStore({ store, failMode: 'closed', onError: () => undefined });
    expect((await guarded.reserve([reservation], now)).isAllowed).toBe(true);
    expect(await guarded.read('key_a/requests', 'hour', now)).toBe(1);
    expect(guarded.isHealthy).toBe(true);
  });

  it('fails closed: refuses with limits-unavailable, reports once per outage, and recovers', async () => {
    const { store, state } = createFlakyStore();
    const reports: string[] = [];
    const guarded = guardLimitStore({
      store,
      failMode: 'closed',
      onError: (_e, message) => reports.push(message),
    });
    state.isDown = true;
    for (let i = 0; i < 3; i++) {
      const refusal = await guarded.reserve([reservation], now).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(TenancyError);
      expect(refusal).toMatchObject({ kind: 'limits-unavailable', details: { retryAfterMs: 2000 } });
    }
    await guarded.adjust([{ key: 'key_a/requests', window: 'hour', windowStart: now, delta: -1 }]);
    await expect(guarded.read('key_a/requests', 'hour', now)).rejects.toMatchObject({
      kind: 'limits-unavailable',
    });
    expect(guarded.isHealthy).toBe(false);
    expect(reports).toEqual([
      'the shared limit store is unreachable; requests that need a limit check are refused with 503 limits_unavailable (LIMITS_FAIL_MODE=closed)',
    ]);
    state.isDown = false;
    expect((await guarded.reserve([reservation], now)).isAllowed).toBe(true);
    expect(guarded.isHealthy).toBe(true);
    expect(reports.at(-1)).toBe('the shared limit store is reachable again; limits apply');
  });

  it('fails open: admits unchecked with counters that show the whole limit, counting nothing', async () => {
    const { store, state, memory } = createFlakyStore();
    const reports: string[] = [];
    const guarded = guardLimitStore({
      store,
      failMode: 'open',
      onError: (_e, message) => reports.push(message),
    });
    state.isDown = true;
    const result = await guarded.reserve([reservation], now);
    expect(result).toEqual({
      isAllowed: true,
      retryAfterMs: 0,
      counters: [
        {
          key: 'key_a/requests',
          window: 'hour',
          windowStart: Date.UTC(2026, 0, 5, 13),
          resetAt: Date.UTC(2026, 0, 5, 14),
          limit: 60,
          used: 0,
          remaining: 60,
          isAllowed: true,
        },
      ],
    });
    expect(reports).toEqual([
      'the shared limit store is unreachable; requests are admitted without limit checks (LIMITS_FAIL_MODE=open)',
    ]);
    state.isDown = false;
    expect(await memory.read('key_a/requests', 'hour', now)).toBe(0);
  });
});
