/**
 * Where cached answers live: an in-memory LRU per process, or Redis shared by every instance. Values are
 * opaque strings (the cache serialises), so both backends store exactly the same bytes.
 */
export interface ResponseCacheStore {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores the value for `ttlInMs`; a later set replaces it. */
  set(key: string, value: string, ttlInMs: number): Promise<void>;
  /** Removes every entry (admin, tests). */
  clear(): Promise<void>;
}
