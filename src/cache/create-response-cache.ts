import { systemClock, type Clock } from '../lib/clock.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ResponseCacheStore } from '../store/response-cache-store.js';

/** What a hit gives back: the answer and which target first produced it. */
export interface CachedAnswer {
  response: ChatResponse;
  targetId: string;
  provider: string;
  model: string;
  /** Unix ms when it was stored. */
  storedAt: number;
}

export interface ResponseCacheOptions {
  store: ResponseCacheStore;
  /** How long an answer is served from the cache (`CACHE_TTL`, seconds, in config). */
  ttlInMs: number;
  clock?: Clock;
  /** Told when the store fails; the cache then behaves as a miss (it fails open: it is an optimisation). */
  onError?: (error: unknown, message: string) => void;
}

export interface ResponseCache {
  /** The cached answer for `key`, or undefined (also when the store is down). */
  lookup(key: string): Promise<CachedAnswer | undefined>;
  /** Stores a complete answer in the background; incomplete or failed answers are not stored. */
  save(key: string, answer: Omit<CachedAnswer, 'storedAt'>): void;
  /** Whether the last store operation worked, for `/ready` and the dashboard. */
  readonly isHealthy: boolean;
}

/** Finish reasons of complete answers: a cut, filtered or failed answer is never replayed. */
const COMPLETE = new Set(['stop', 'length', 'tool_calls']);

/** Whether an answer may be cached: every choice finished normally. */
export function isCacheable(response: ChatResponse): boolean {
  return response.choices.length > 0 && response.choices.every((c) => COMPLETE.has(c.finish_reason ?? ''));
}

/**
 * The exact-match response cache over a store port (memory LRU or Redis). Store failures never reach the
 * caller: a lookup that fails is a miss and a save that fails is dropped, each reported once per outage.
 * @example const cache = createResponseCache({ store, ttlInMs: 3_600_000 }); const hit = await cache.lookup(key);
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const clock = options.clock ?? systemClock;
  const report = options.onError ?? (() => undefined);
  let isHealthy = true;

  function fail(error: unknown, doing: string): void {
    // One report per outage, not one per request.
    if (isHealthy) report(error, `the response cache is unavailable (${doing}); requests go upstream`);
    isHealthy = false;
  }

  return {
    async lookup(key) {
      let text: string | undefined;
      try {
        text = await options.store.get(key);
        isHealthy = true;
      } catch (error) {
        fail(error, 'read');
        return undefined;
      }
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as CachedAnswer;
      } catch (error) {
        report(error, 'a response cache entry was not valid JSON; treated as a miss');
        return undefined;
      }
    },
    save(key, answer) {
      if (!isCacheable(answer.response)) return;
      const text = JSON.stringify({ ...answer, storedAt: clock.now() });
      options.store.set(key, text, options.ttlInMs).then(
        () => {
          isHealthy = true;
        },
        (error: unknown) => fail(error, 'write'),
      );
    },
    get isHealthy() {
      return isHealthy;
    },
  };
}
