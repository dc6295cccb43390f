import { describe, expect, it } from 'vitest';
import { collect } from '../../test/support/collect.js';
import { createFakeAdapter, textParts, textResponse } from '../../test/support/create-fake-adapter.js';
import { createResponseCache } from '../cache/create-response-cache.js';
import type { CacheDirective } from '../cache/cache-directive.js';
import type { Target } from '../routing/target.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import { ProviderError } from '../spec/provider-error.js';
import { createMemoryResponseCacheStore } from '../store/memory/create-memory-response-cache-store.js';
import { createCachedChat } from './create-cached-chat.js';
import type { RequestContext } from './gateway-types.js';

const target: Target = {
  id: 'openai/gpt-4o-mini@openai#1',
  provider: 'openai',
  family: 'openai',
  model: 'gpt-4o-mini',
  credential: { id: 'openai#1', apiKey: 'sk-test' },
  baseUrl: 'http://127.0.0.1:1/v1',
  adapter: createFakeAdapter('openai', [{ response: 'unused' }]).adapter,
  timeoutInMs: 1000,
};
const request: ChatRequest = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
const settle = () => new Promise((resolve) => setImmediate(resolve));
const both: CacheDirective = { keyId: 'key_a', shouldLookUp: true, shouldStore: true };

function setUp(
  options: { isSharedAcrossKeys?: boolean; streams?: ChatStreamPart[][]; isCompetition?: boolean } = {},
) {
  let answers = 0;
  const streams = [...(options.streams ?? [])];
  const cached = createCachedChat(
    {
      cache: createResponseCache({ store: createMemoryResponseCacheStore(), ttlInMs: 60_000 }),
      isSharedAcrossKeys: options.isSharedAcrossKeys ?? false,
      isCacheable: (model) => model !== 'compete',
      prepare: (body) => ({ ...body, temperature: body.temperature ?? 0 }),
      resolve: (model) => {
        if (model !== 'openai/gpt-4o-mini') throw new Error(`unknown model ${model}`);
        return { targets: [target] };
      },
    },
    {
      async chat(body) {
        answers++;
        const result = { value: textResponse(`answer ${answers}`), target, attempts: [], route: body.model };
        return options.isCompetition ? { ...result, competition: {} as never } : result;
      },
      async chatStream(body) {
        answers++;
        async function* parts() {
          yield* streams.shift() ?? textParts(`streamed ${answers}`);
        }
        return {
          value: { parts: parts(), ttftInMs: 5, cancel: () => undefined },
          target,
          attempts: [],
          route: body.model,
        };
      },
    },
  );
  const context = (cache?: CacheDirective): RequestContext => ({
    requestId: 'req_1',
    signal: new AbortController().signal,
    cache,
  });
  return { cached, context, upstreamCalls: () => answers };
}

const textOf = async (parts: AsyncIterable<ChatStreamPart>) =>
  (await collect(parts)).flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');

describe('createCachedChat', () => {
  it('answers a repeated request from the cache, with no attempts and the original target', async () => {
    const { cached, context, upstreamCalls } = setUp();
    const miss = await cached.chat(request, context(both));
    await settle();
    const hit = await cached.chat({ ...request, stream: false, user: 'someone' }, context(both));
    expect(miss.cache).toBe('miss');
    expect(hit).toMatchObject({ cache: 'hit', attempts: [], target: { id: target.id }, value: miss.value });
    expect(upstreamCalls()).toBe(1);
  });

  it('leaves requests without a directive, and competitions, alone', async () => {
    const { cached, context, upstreamCalls } = setUp();
    expect((await cached.chat(request, context())).cache).toBeUndefined();
    await cached.chat({ ...request, model: 'compete' }, context(both));
    await settle();
    await cached.chat({ ...request, model: 'compete' }, context(both));
    expect(upstreamCalls()).toBe(3);
    const competitions = setUp({ isCompetition: true });
    await competitions.cached.chat(request, competitions.context(both));
    await settle();
    expect((await competitions.cached.chat(request, competitions.context(both))).cache).toBe('miss');
  });

  it('honours no-cache (fresh answer, still stored) and no-store (neither)', async () => {
    const { cached, context, upstreamCalls } = setUp();
    await cached.chat(request, context({ ...both, shouldStore: false }));
    await settle();
    expect((await cached.chat(request, context(both))).cache).toBe('miss');
    await settle();
    const fresh = await cached.chat(request, context({ ...both, shouldLookUp: false }));
    await settle();
    expect(fresh.cache).toBe('miss');
    const hit = await cached.chat(request, context(both));
    expect(hit.value).toEqual(fresh.value);
    expect(upstreamCalls()).toBe(3);
  });

  it('keeps each gateway key to its own entries unless they are shared', async () => {
    const isolated = setUp();
    await isolated.cached.chat(request, isolated.context(both));
    await settle();
    expect((await isolated.cached.chat(request, isolated.context({ ...both, keyId: 'key_b' }))).cache).toBe(
      'miss',
    );
    const shared = setUp({ isSharedAcrossKeys: true });
    await shared.cached.chat(request, shared.context(both));
    await settle();
    expect((await shared.cached.chat(request, shared.context({ ...both, keyId: 'key_b' }))).cache).toBe(
      'hit',
    );
  });

  it('stores a stream once it ended complete, and replays it as a stream for stream and plain callers', async () => {
    const { cached, context, upstreamCalls } = setUp();
    const miss = await cached.chatStream({ ...request, stream: true }, context(both));
    expect(miss.cache).toBe('miss');
    expect(await textOf(miss.value.parts)).toBe('streamed 1');
    await settle();
    const hit = await cached.chatStream({ ...request, stream: true }, context(both));
    expect(hit).toMatchObject({ cache: 'hit', attempts: [], target: { id: target.id } });
    expect(await textOf(hit.value.parts)).toBe('streamed 1');
    const plain = await cached.chat(request, context(both));
    expect(plain.value.choices[0]!.message.content).toBe('streamed 1');
    expect(upstreamCalls()).toBe(1);
  });

  it('never stores a stream that broke, was stitched from two targets, or was abandoned', async () => {
    const error = new ProviderError({ kind: 'network', provider: 'openai', message: 'socket closed' });
    const broken: ChatStreamPart[] = [
      { type: 'text-delta', choiceIndex: 0, text: 'Hal' },
      { type: 'error', error },
    ];
    const stitched: ChatStreamPart[] = [
      { type: 'continuation', fromTargetId: 'a', toTargetId: 'b', reason: 'network' },
      ...textParts('rest'),
    ];
    const { cached, context, upstreamCalls } = setUp({ streams: [broken, stitched, textParts('whole')] });
    for (let i = 0; i < 2; i++) {
      await collect((await cached.chatStream(request, context(both))).value.parts);
      await settle();
    }
    const abandoned = await cached.chatStream(request, context(both));
    for await (const part of abandoned.value.parts) if (part.type === 'text-delta') break;
    await settle();
    expect((await cached.chatStream(request, context(both))).cache).toBe('miss');
    expect(upstreamCalls()).toBe(4);
  });
});
