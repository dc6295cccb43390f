import type { Clock } from '../lib/clock.js';
import type { GatewayKeyRecord, GatewayKeyStore } from '../store/gateway-key-store.js';
import type { PlanCatalog } from './create-plan-catalog.js';
import { getKeyPrefix, hashGatewayKey } from './gateway-key-secret.js';
import { getGatewayPrincipal, type GatewayPrincipal } from './gateway-principal.js';
import { TenancyError } from './tenancy-error.js';

export interface KeyAuthenticatorOptions {
  store: GatewayKeyStore;
  /** `ARBITER_API_KEYS`: accepted without being stored, with their plans. */
  configuredKeys: ReadonlyArray<{ key: string; plan: string }>;
  plans: PlanCatalog;
  clock: Clock;
  /** How long a lookup (found, unknown or revoked) is reused: the bound on a change made elsewhere. */
  ttlInMs: number;
  /** Lookups kept; the oldest go first. Default 10,000. */
  maxCachedKeys?: number;
}

/** Turns a presented key into the principal it stands for, with at most one store lookup per TTL. */
export interface KeyAuthenticator {
  /** Throws a TenancyError (`invalid-key`, `unknown-plan`) for a key that cannot be used. */
  authenticate(presented: string): Promise<GatewayPrincipal>;
  /** Drops the cached lookup of one key (by hash) after a change to it, or every lookup. */
  forget(hash?: string): void;
  /** The `ARBITER_API_KEYS` keys as records: ids and prefixes derived from their hashes. */
  readonly configuredRecords: readonly GatewayKeyRecord[];
}

/**
 * Authenticates gateway keys by their SHA-256 against the configured keys, then the store. Lookups are
 * cached for `ttlInMs`, so the hot path does no store I/O once a key has been seen: a key revoked
 * through this instance's admin API is refused at once (its entry is dropped), one revoked through
 * another instance within the TTL. Concurrent first uses of a key share one lookup.
 * @example const principal = await authenticator.authenticate(presentedKey);
 */
export function createKeyAuthenticator(options: KeyAuthenticatorOptions): KeyAuthenticator {
  const { store, plans, clock, ttlInMs } = options;
  const maxCachedKeys = options.maxCachedKeys ?? 10_000;
  const configured = new Map<string, GatewayKeyRecord>();
  options.configuredKeys.forEach(({ key, plan }, index) => {
    const hash = hashGatewayKey(key);
    configured.set(hash, {
      id: `key_env_${hash.slice(0, 10)}`,
      hash,
      prefix: getKeyPrefix(key),
      name: `ARBITER_API_KEYS #${index + 1}`,
      plan,
      metadata: {},
      createdAt: clock.now(),
    });
  });
  const cache = new Map<string, { expiresAt: number; principal: Promise<GatewayPrincipal> }>();

  async function lookUp(hash: string): Promise<GatewayPrincipal> {
    await plans.refresh();
    const record = configured.get(hash) ?? (await store.findByHash(hash));
    if (!record) throw new TenancyError('invalid-key', 'The API key is not valid on this gateway.');
    if (record.revokedAt !== undefined)
      throw new TenancyError('invalid-key', `The API key ${record.id} was revoked.`);
    const plan = plans.get(record.plan);
    if (!plan) {
      throw new TenancyError(
        'unknown-plan',
        `The API key ${record.id} is on the plan "${record.plan}", which this gateway does not define; ask its operator to move the key to another plan.`,
      );
    }
    return getGatewayPrincipal(record, plan);
  }

  return {
    authenticate(presented) {
      const hash = hashGatewayKey(presented);
      const now = clock.now();
      const cached = cache.get(hash);
      if (cached && cached.expiresAt > now) return cached.principal;
      cache.delete(hash);
      const principal = lookUp(hash);
      // A refusal is cached like a success; a failing store is not, so the next request tries again.
      principal.catch((error: unknown) => {
        if (!(error instanceof TenancyError) && cache.get(hash)?.principal === principal) cache.delete(hash);
      });
      if (ttlInMs > 0) {
        if (cache.size >= maxCachedKeys) cache.delete(cache.keys().next().value!);
        cache.set(hash, { expiresAt: now + ttlInMs, principal });
      }
      return principal;
    },
    forget(hash) {
      if (hash === undefined) cache.clear();
      else cache.delete(hash);
    },
    configuredRecords: [...configured.values()],
  };
}
