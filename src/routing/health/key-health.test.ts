import { describe, expect, it } from 'vitest';
import { createKeyHealth, type KeyDisabledReason } from './key-health.js';

const key = 'groq#3f9a1c2e';

describe('key health: rate limits', () => {
  it("cools a key until the provider's retry-after, then frees it", () => {
    const keys = createKeyHealth();
    keys.onFailure(key, { kind: 'rate-limited', status: 429, retryAfterMs: 2_500 }, 10_000);
    expect(keys.isAvailable(key, 12_499)).toBe(false);
    expect(keys.availableAt(key, 11_000)).toBe(12_500);
    expect(keys.describe(key, 11_000)).toEqual({
      credentialId: key,
      state: 'cooling',
      until: 12_500,
      status: 429,
      consecutiveRateLimits: 1,
    });
    expect(keys.isAvailable(key, 12_500)).toBe(true);
    expect(keys.availableAt(key, 12_500)).toBe(12_500);
  });

  it('caps an honoured retry-after at 60 s', () => {
    const keys = createKeyHealth();
    keys.onFailure(key, { kind: 'rate-limited', retryAfterMs: 3_600_000 }, 0);
    expect(keys.availableAt(key, 0)).toBe(60_000);
  });

  it('without retry-after, cools for 1 s, doubling per 429 in a row, until a success resets it', () => {
    const keys = createKeyHealth();
    const cooldowns: number[] = [];
    let now = 0;
    for (let count = 0; count < 8; count++) {
      keys.onFailure(key, { kind: 'rate-limited' }, now);
      cooldowns.push(keys.availableAt(key, now) - now);
      now = keys.availableAt(key, now);
    }
    expect(cooldowns).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    keys.onSuccess(key);
    keys.onFailure(key, { kind: 'rate-limited' }, now);
    expect(keys.availableAt(key, now) - now).toBe(1_000);
    expect(keys.describe(key, now).consecutiveRateLimits).toBe(1);
  });

  it('keeps the later end when holds overlap', () => {
    const keys = createKeyHealth();
    keys.onFailure(key, { kind: 'rate-limited', retryAfterMs: 30_000 }, 0);
    keys.onFailure(key, { kind: 'rate-limited', retryAfterMs: 1_000 }, 100);
    expect(keys.availableAt(key, 100)).toBe(30_000);
  });
});

describe('key health: quota and auth', () => {
  it("parks a key with spent quota until the provider's reset, beyond 60 s", () => {
    const keys = createKeyHealth();
    keys.onFailure(key, { kind: 'quota', status: 429, retryAfterMs: 7_200_000 }, 0);
    expect(keys.describe(key, 0)).toMatchObject({ state: 'parked', until: 7_200_000 });
    keys.onFailure(key, { kind: 'rate-limited', retryAfterMs: 1_000 }, 10);
    expect(keys.availableAt(key, 10)).toBe(7_200_000);
  });

  it('parks for an hour when the provider gave no reset', () => {
    const keys = createKeyHealth();
    keys.onFailure(key, { kind: 'quota' }, 5_000);
    expect(keys.isAvailable(key, 3_604_999)).toBe(false);
    expect(keys.isAvailable(key, 3_605_000)).toBe(true);
  });

  it('disables a rejected key until re-enabled, and reports it once by id', () => {
    const reports: Array<[string, KeyDisabledReason]> = [];
    const keys = createKeyHealth({ onDisabled: (id, reason) => reports.push([id, reason]) });
    keys.onFailure(key, { kind: 'auth', status: 401 }, 1_000);
    keys.onFailure(key, { kind: 'auth', status: 403 }, 2_000);
    expect(reports).toEqual([[key, { kind: 'auth', status: 401, at: 1_000 }]]);
    expect(keys.isAvailable(key, 10_000_000)).toBe(false);
    expect(keys.availableAt(key, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(keys.describe(key, 0)).toEqual({
      credentialId: key,
      state: 'disabled',
      status: 401,
      consecutiveRateLimits: 0,
    });
    keys.onFailure(key, { kind: 'rate-limited', retryAfterMs: 1_000 }, 3_000);
    expect(keys.describe(key, 3_000).state).toBe('disabled');
    keys.enable(key);
    expect(keys.isAvailable(key, 3_000)).toBe(true);
  });

  it('ignores failures that say nothing about the key', () => {
    const keys = createKeyHealth();
    for (const kind of ['server', 'timeout', 'bad-request', 'not-found', 'cancelled'] as const)
      keys.onFailure(key, { kind, status: 500 }, 0);
    expect(keys.describe(key, 0)).toEqual({
      credentialId: key,
      state: 'available',
      consecutiveRateLimits: 0,
    });
  });
});
