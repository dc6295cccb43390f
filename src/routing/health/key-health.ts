import type { AttemptFailure } from './get-failure-blame.js';

/**
 * - `available`: usable.
 * - `cooling`: rate limited (429) until `until`.
 * - `parked`: its quota is spent until `until` (a billing or daily window).
 * - `disabled`: rejected by the provider (401/403) until someone re-enables it.
 */
export type KeyState = 'available' | 'cooling' | 'parked' | 'disabled';

/** One key's health, by its id: safe to log and show, since it never contains the key. */
export interface KeyStatus {
  credentialId: string;
  state: KeyState;
  /** Unix ms when a cooling or parked key is usable again. */
  until?: number;
  /** The upstream status that put the key in this state, when there was one. */
  status?: number;
  /** 429s in a row without a success; each doubles the default cooldown. */
  consecutiveRateLimits: number;
}

/** Why a key was disabled, for the report. */
export interface KeyDisabledReason {
  kind: 'auth';
  status?: number;
  /** Unix ms. */
  at: number;
}

/** Cooldown lengths and the report hook. */
export interface KeyHealthOptions {
  /** Cooldown after a 429 that did not say how long to wait; doubles per 429 in a row. Default 1 s. */
  baseCooldownInMs?: number;
  /**
   * Longest rate-limit cooldown, for `retry-after` too: SDKs ignore server delays above 60 s and so do
   * we (PROVIDERS.md §9); a longer wait is a quota window, which the `quota` kind covers. Default 60 s.
   */
  maxCooldownInMs?: number;
  /** How long a key with spent quota is parked when the provider did not say. Default 1 hour. */
  quotaWindowInMs?: number;
  /** Told once when a key is disabled, by id (never the key), so an operator can replace it. */
  onDisabled?: (credentialId: string, reason: KeyDisabledReason) => void;
}

/** Health of provider keys, shared by every model (target) that uses the key. */
export interface KeyHealth {
  onSuccess(credentialId: string): void;
  /** Acts on `rate-limited`, `quota` and `auth`; other kinds say nothing about the key. */
  onFailure(credentialId: string, failure: AttemptFailure, now: number): void;
  isAvailable(credentialId: string, now: number): boolean;
  /** When the key is usable: `now` if it is, `Infinity` while disabled. For "all keys limited until T". */
  availableAt(credentialId: string, now: number): number;
  /** Re-enables a disabled key (after an operator replaced or fixed it) and forgets its history. */
  enable(credentialId: string): void;
  describe(credentialId: string, now: number): KeyStatus;
}

interface Entry {
  state: Exclude<KeyState, 'available'> | undefined;
  until: number;
  status?: number;
  consecutiveRateLimits: number;
}

/**
 * Key health in memory. A 429 cools the key until `now + retryAfterMs` (or an escalating default), capped
 * at 60 s; a spent quota parks it until the provider's reset, or for an hour, uncapped because quota
 * windows are long by nature; a 401/403 disables it until `enable`, and `onDisabled` reports it once. When
 * holds overlap, the later end wins, so a stale 429 never shortens a quota parking. A success resets the
 * 429 count but does not lift a hold, since it may come from an attempt started before the 429.
 *
 * @example
 * const keys = createKeyHealth({ onDisabled: (id, reason) => log.error({ credentialId: id, ...reason }, 'key disabled') });
 * keys.onFailure(target.credential.id, providerError, clock.now());
 * const usable = targets.filter((target) => keys.isAvailable(target.credential.id, clock.now()));
 */
export function createKeyHealth(options: KeyHealthOptions = {}): KeyHealth {
  const baseCooldownInMs = options.baseCooldownInMs ?? 1_000;
  const maxCooldownInMs = options.maxCooldownInMs ?? 60_000;
  const quotaWindowInMs = options.quotaWindowInMs ?? 3_600_000;
  const entries = new Map<string, Entry>();

  function entryOf(credentialId: string): Entry {
    let entry = entries.get(credentialId);
    if (!entry) {
      entry = { state: undefined, until: 0, consecutiveRateLimits: 0 };
      entries.set(credentialId, entry);
    }
    return entry;
  }

  function hold(entry: Entry, state: 'cooling' | 'parked', until: number, status: number | undefined): void {
    if (entry.state === 'disabled' || (entry.state !== undefined && entry.until >= until)) return;
    Object.assign(entry, { state, until, status });
  }

  function stateOf(entry: Entry | undefined, now: number): KeyState {
    if (!entry?.state) return 'available';
    if (entry.state === 'disabled' || entry.until > now) return entry.state;
    return 'available';
  }

  return {
    onSuccess(credentialId) {
      const entry = entries.get(credentialId);
      if (!entry) return;
      entry.consecutiveRateLimits = 0;
      if (entry.state === undefined) entries.delete(credentialId);
    },
    onFailure(credentialId, failure, now) {
      const retryAfterMs = failure.retryAfterMs === undefined ? undefined : Math.max(0, failure.retryAfterMs);
      if (failure.kind === 'rate-limited') {
        const entry = entryOf(credentialId);
        entry.consecutiveRateLimits += 1;
        const cooldownInMs = retryAfterMs ?? baseCooldownInMs * 2 ** (entry.consecutiveRateLimits - 1);
        hold(entry, 'cooling', now + Math.min(cooldownInMs, maxCooldownInMs), failure.status);
      } else if (failure.kind === 'quota') {
        hold(entryOf(credentialId), 'parked', now + (retryAfterMs ?? quotaWindowInMs), failure.status);
      } else if (failure.kind === 'auth') {
        const entry = entryOf(credentialId);
        if (entry.state === 'disabled') return;
        Object.assign(entry, { state: 'disabled', until: Number.POSITIVE_INFINITY, status: failure.status });
        options.onDisabled?.(credentialId, {
          kind: 'auth',
          ...(failure.status === undefined ? {} : { status: failure.status }),
          at: now,
        });
      }
    },
    isAvailable: (credentialId, now) => stateOf(entries.get(credentialId), now) === 'available',
    availableAt(credentialId, now) {
      const entry = entries.get(credentialId);
      return stateOf(entry, now) === 'available' ? now : entry!.until;
    },
    enable(credentialId) {
      entries.delete(credentialId);
    },
    describe(credentialId, now) {
      const entry = entries.get(credentialId);
      const state = stateOf(entry, now);
      return {
        credentialId,
        state,
        ...(state === 'cooling' || state === 'parked' ? { until: entry!.until } : {}),
        ...(state !== 'available' && entry?.status !== undefined ? { status: entry.status } : {}),
        consecutiveRateLimits: entry?.consecutiveRateLimits ?? 0,
      };
    },
  };
}
