/**
 * What the response cache may do for one request: the ingress builds it from the caller's gateway key
 * and opt-outs (body `cache: false`, `Cache-Control: no-cache` / `no-store`). Requests without one (the
 * gateway's own calls: search synthesis, judges) never touch the cache.
 */
export interface CacheDirective {
  /** The caller's gateway key id: entries are per key unless `CACHE_SHARED_ACROSS_KEYS` is on. */
  keyId?: string;
  /** False for `no-cache`, `no-store` and `cache: false`: the answer is fetched fresh. */
  shouldLookUp: boolean;
  /** False for `no-store` and `cache: false`: the fresh answer is not kept either. */
  shouldStore: boolean;
}

/** What the cache did for a request (`x-arbiter-cache`); absent while the cache is off. */
export type CacheStatus = 'hit' | 'miss';
