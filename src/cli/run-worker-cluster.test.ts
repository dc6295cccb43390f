import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { getRestartDelayInMs, getWorkerCount } from './run-worker-cluster.js';

const redis = { url: 'redis://127.0.0.1:6379', keyPrefix: 'arbiter:', limitsFailMode: 'closed' as const };

describe('getWorkerCount', () => {
  it('takes ARBITER_WORKERS as given, else one per core with Redis and one without', () => {
    expect(getWorkerCount({ workers: 3 })).toBe(3);
    expect(getWorkerCount({ workers: 3, redis })).toBe(3);
    expect(getWorkerCount({ redis })).toBe(availableParallelism());
    expect(getWorkerCount({})).toBe(1);
  });
});

describe('getRestartDelayInMs', () => {
  it('replaces at once after a worker that ran, then backs off doubling up to 30 s', () => {
    expect([0, 1, 2, 3, 5, 6, 20].map(getRestartDelayInMs)).toEqual([
      0, 1_000, 2_000, 4_000, 16_000, 30_000, 30_000,
    ]);
  });
});
