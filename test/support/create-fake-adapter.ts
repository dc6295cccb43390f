import type { ChatResponse } from '../../src/spec/chat-response.js';
import type { ChatStreamPart } from '../../src/spec/chat-stream-part.js';
import type { ProviderAdapter, ProviderCall } from '../../src/spec/provider-adapter.js';
import { ProviderError, type ProviderErrorKind } from '../../src/spec/provider-error.js';
import type { Clock } from '../../src/lib/clock.js';
import type { Target } from '../../src/routing/target.js';

/** Timing of a scripted answer, on the injected clock: before headers, and before the first content. */
export interface FakeTiming {
  delayInMs?: number;
  contentDelayInMs?: number;
}

/** One scripted answer: a response, a stream of parts, or a failure before anything arrives. */
export type FakeBehaviour = FakeTiming &
  (
    | { response: string }
    | { parts: ChatStreamPart[] }
    | { fail: ProviderErrorKind; status?: number; retryAfterMs?: number }
  );

export function textResponse(text: string): ChatResponse {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1,
    model: 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  };
}

export function textParts(text: string): ChatStreamPart[] {
  return [
    { type: 'response-metadata', id: 'chatcmpl-fake', model: 'fake-model', created: 1 },
    { type: 'text-delta', choiceIndex: 0, text },
    { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
    { type: 'usage', usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } },
  ];
}

/**
 * A deterministic adapter for routing tests: no HTTP, scripted per call, records every call and whether
 * its signal was aborted. With a clock, answers wait on it (a fake clock in tests: no real sleeping).
 */
export function createFakeAdapter(provider: string, behaviours: FakeBehaviour[], clock?: Clock) {
  const calls: ProviderCall[] = [];
  const wait = (ms: number | undefined, signal: AbortSignal): Promise<void> =>
    clock && ms ? clock.sleep(ms, signal) : Promise.resolve();
  let turn = 0;
  const next = (call: ProviderCall): FakeBehaviour => {
    calls.push(call);
    return behaviours[Math.min(turn++, behaviours.length - 1)]!;
  };
  const failure = (behaviour: Extract<FakeBehaviour, { fail: ProviderErrorKind }>) =>
    new ProviderError({
      kind: behaviour.fail,
      provider,
      status: behaviour.status,
      retryAfterMs: behaviour.retryAfterMs,
      message: `fake ${behaviour.fail}`,
    });
  const adapter: ProviderAdapter = {
    provider,
    async chat(call) {
      const behaviour = next(call);
      await wait((behaviour.delayInMs ?? 0) + (behaviour.contentDelayInMs ?? 0), call.signal);
      if ('fail' in behaviour) throw failure(behaviour);
      if ('parts' in behaviour) throw new Error('scripted a stream for a non-stream call');
      return textResponse(behaviour.response);
    },
    async chatStream(call) {
      const behaviour = next(call);
      await wait(behaviour.delayInMs, call.signal);
      if ('fail' in behaviour) throw failure(behaviour);
      const parts = 'parts' in behaviour ? behaviour.parts : textParts(behaviour.response);
      return (async function* () {
        let contentDelayInMs = behaviour.contentDelayInMs;
        for (const part of parts) {
          if (part.type !== 'response-metadata') {
            await wait(contentDelayInMs, call.signal);
            contentDelayInMs = 0;
          }
          yield part;
        }
      })();
    },
  };
  return { adapter, calls, abortedCalls: () => calls.filter((call) => call.signal.aborted).length };
}

export function createFakeTarget(
  provider: string,
  adapter: ProviderAdapter,
  model = 'fake-model',
  keyId = `${provider}#1`,
): Target {
  return {
    id: `${provider}/${model}@${keyId}`,
    provider,
    family: 'openai',
    model,
    credential: { id: keyId, apiKey: `${provider}-secret` },
    baseUrl: 'http://fake.invalid',
    adapter,
    timeoutInMs: 5000,
  };
}
