import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ResponseCacheStore } from '../store/response-cache-store.js';
import { createMemoryResponseCacheStore } from '../store/memory/create-memory-response-cache-store.js';
import { createResponseCache, isCacheable } from './create-response-cache.js';

const response = (finish: 'stop' | 'content_filter' | null = 'stop'): ChatResponse => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: finish }],
});
const answer = (finish?: 'stop' | 'content_filter' | null) => ({
  response: response(finish),
  targetId: 'openai/m',
  provider: 'openai',
  model: 'm',
});
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createResponseCache', () => {
  it('stores complete answers and returns them with their target', async () => {
    const cache = createResponseCache({ store: createMemoryResponseCacheStore(), ttlInMs: 60_000 });
    cache.save('k', answer());
    await settle();
    expect(await cache.lookup('k')).toMatchObject({ ...answer(), storedAt: expect.any(Number) });
  });

  it('never stores a filtered or unfinished answer', async () => {
    expect(isCacheable(response('content_filter'))).toBe(false);
    expect(isCacheable(response(null))).toBe(false);
    const cache = createResponseCache({ store: createMemoryResponseCacheStore(), ttlInMs: 60_000 });
    cache.save('k', answer('content_filter'));
    await settle();
    expect(await cache.lookup('k')).toBeUndefined();
  });

  it('fails open: a broken store is a miss, reported once per outage', async () => {
    let isDown = true;
    const memory = createMemoryResponseCacheStore();
    const store: ResponseCacheStore = {
      get: (key) => (isDown ? Promise.reject(new Error('ECONNREFUSED')) : memory.get(key)),
      set: (key, value, ttl) =>
        isDown ? Promise.reject(new Error('ECONNREFUSED')) : memory.set(key, value, ttl),
      clear: () => memory.clear(),
    };
    const reports: string[] = [];
    const cache = createResponseCache({
      store,
      ttlInMs: 60_000,
      onError: (_e, message) => reports.push(message),
    });
    expect(await cache.lookup('k')).toBeUndefined();
    cache.save('k', answer());
    await settle();
    expect(await cache.lookup('k')).toBeUndefined();
    expect(cache.isHealthy).toBe(false);
    expect(reports).toEqual(['the response cache is unavailable (read); requests go upstream']);
    isDown = false;
    expect(await cache.lookup('k')).toBeUndefined();
    expect(cache.isHealthy).toBe(true);
  });
});
