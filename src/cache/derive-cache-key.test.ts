import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../spec/chat-request.js';
import { deriveCacheKey } from './derive-cache-key.js';

const base: ChatRequest = {
  model: 'openai/gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  temperature: 0,
};
const scope = { route: 'openai/gpt-4o-mini', keyId: 'key_a' };

describe('deriveCacheKey', () => {
  it('is the same whatever order the fields were written in, and for stream or not', () => {
    const reordered = { temperature: 0, messages: [{ content: 'Hello', role: 'user' }], model: base.model };
    expect(deriveCacheKey(reordered as ChatRequest, scope)).toBe(deriveCacheKey(base, scope));
    expect(
      deriveCacheKey({ ...base, stream: true, stream_options: { include_usage: true }, user: 'u1' }, scope),
    ).toBe(deriveCacheKey(base, scope));
  });

  it('treats null, a lone stop string and n=1 like their plain forms', () => {
    expect(deriveCacheKey({ ...base, top_p: null }, scope)).toBe(deriveCacheKey(base, scope));
    expect(deriveCacheKey({ ...base, stop: 'END' }, scope)).toBe(
      deriveCacheKey({ ...base, stop: ['END'] }, scope),
    );
    expect(deriveCacheKey({ ...base, n: 1 }, scope)).toBe(deriveCacheKey(base, scope));
  });

  it('differs for anything that changes the answer, unknown fields included', () => {
    const key = deriveCacheKey(base, scope);
    const variants: ChatRequest[] = [
      { ...base, temperature: 0.7 },
      { ...base, messages: [{ role: 'user', content: 'Hello!' }] },
      { ...base, max_tokens: 5 },
      { ...base, tools: [{ type: 'function', function: { name: 'f' } }] },
      { ...base, response_format: { type: 'json_object' } },
      { ...base, seed: 7 },
      { ...base, top_k: 3 },
    ];
    for (const variant of variants) expect(deriveCacheKey(variant, scope)).not.toBe(key);
  });

  it('is scoped to the route and the gateway key', () => {
    const key = deriveCacheKey(base, scope);
    expect(deriveCacheKey(base, { ...scope, keyId: 'key_b' })).not.toBe(key);
    expect(deriveCacheKey(base, { ...scope, route: 'auto' })).not.toBe(key);
    expect(deriveCacheKey(base, { route: scope.route })).not.toBe(key);
  });
});
