import type { CacheDirective } from '../cache/cache-directive.js';
import type { CachedAnswer, ResponseCache } from '../cache/create-response-cache.js';
import { deriveCacheKey } from '../cache/derive-cache-key.js';
import { createChatStreamAccumulator } from '../lib/create-chat-stream-accumulator.js';
import { replayAsStream } from '../lib/replay-as-stream.js';
import type { Target } from '../routing/target.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import type { Gateway, RouteResult } from './gateway-types.js';

type ChatMethods = Pick<Gateway, 'chat' | 'chatStream'>;

export interface CachedChatOptions {
  cache: ResponseCache;
  /** `CACHE_SHARED_ACROSS_KEYS`: one key's answers serve every key. */
  isSharedAcrossKeys: boolean;
  /** Whether a route's answers may be cached at all (a competition's are not: it is run for its contest). */
  isCacheable(model: string): boolean;
  /** The request as it goes upstream (config defaults applied), which is what the key is derived from. */
  prepare(request: ChatRequest): ChatRequest;
  /** The targets a model names (throws RouteError), to find the one that produced a cached answer. */
  resolve(model: string): { targets: readonly Target[] };
}

/**
 * The response cache in front of the gateway's `chat` and `chatStream` (DESIGN.md §4 step 2): a request
 * that comes with a CacheDirective is looked up by its exact-match key before any routing, and a hit is
 * answered without an upstream call — as a replayed stream when a stream was asked for, whichever way it
 * was first answered. A miss goes upstream, and its answer is stored if it is complete: a streamed one is
 * accumulated as it passes and stored after its last part, so the caller never waits for the cache.
 * Answers stitched from two targets (`continue_on_failure`) and competitions are never stored.
 * @example const cached = createCachedChat(options, { chat, chatStream }); await cached.chat(request, context);
 */
export function createCachedChat(options: CachedChatOptions, uncached: ChatMethods): ChatMethods {
  const keyOf = (request: ChatRequest, directive: CacheDirective): string =>
    deriveCacheKey(options.prepare(request), {
      route: request.model,
      keyId: options.isSharedAcrossKeys ? undefined : directive.keyId,
    });

  async function lookUp(key: string, directive: CacheDirective) {
    if (!directive.shouldLookUp) return undefined;
    const answer = await options.cache.lookup(key);
    const target = answer && findTarget(answer);
    return answer && target ? { answer, target } : undefined;
  }

  /** The configured target that produced an answer; undefined (a miss) once it is no longer configured. */
  function findTarget(answer: CachedAnswer): Target | undefined {
    try {
      const { targets } = options.resolve(`${answer.provider}/${answer.model}`);
      return targets.find((target) => target.id === answer.targetId) ?? targets[0];
    } catch {
      return undefined;
    }
  }

  function save(key: string, response: ChatResponse, target: Target): void {
    options.cache.save(key, {
      response,
      targetId: target.id,
      provider: target.provider,
      model: target.model,
    });
  }

  return {
    async chat(request, context) {
      const directive = context.cache;
      if (!directive || !options.isCacheable(request.model)) return uncached.chat(request, context);
      const key = keyOf(request, directive);
      const hit = await lookUp(key, directive);
      if (hit)
        return {
          value: hit.answer.response,
          target: hit.target,
          attempts: [],
          route: request.model,
          cache: 'hit',
        };
      const result = await uncached.chat(request, context);
      if (directive.shouldStore && !result.competition) save(key, result.value, result.target);
      return { ...result, cache: 'miss' };
    },

    async chatStream(request, context) {
      const directive = context.cache;
      if (!directive || !options.isCacheable(request.model)) return uncached.chatStream(request, context);
      const key = keyOf(request, directive);
      const hit = await lookUp(key, directive);
      if (hit) {
        const value = { parts: replayAsStream(hit.answer.response), ttftInMs: 0, cancel: () => undefined };
        return { value, target: hit.target, attempts: [], route: request.model, cache: 'hit' };
      }
      const result = await uncached.chatStream(request, context);
      if (!directive.shouldStore || result.competition) return { ...result, cache: 'miss' };
      const parts = storeWhenComplete(result, (response) => save(key, response, result.target));
      return { ...result, value: { ...result.value, parts }, cache: 'miss' };
    },
  };
}

/**
 * Passes every part on as it comes and builds the answer beside it; calls `onComplete` only when the
 * stream ended normally with every choice finished. A caller who stops reading ends the generator at
 * its `yield`, so an abandoned stream is never stored.
 */
async function* storeWhenComplete(
  result: RouteResult<{ parts: AsyncIterable<ChatStreamPart> }>,
  onComplete: (response: ChatResponse) => void,
): AsyncGenerator<ChatStreamPart> {
  const accumulator = createChatStreamAccumulator(result.target.model);
  let isStitched = false;
  for await (const part of result.value.parts) {
    accumulator.add(part);
    if (part.type === 'continuation') isStitched = true;
    yield part;
  }
  if (accumulator.isFinished && !isStitched) onComplete(accumulator.result());
}
