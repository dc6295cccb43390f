import type { SeedMeasurement } from '../../learning/learning-signals.js';
import { isContentPart } from '../../spec/chat-stream-part.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { Target } from '../../routing/target.js';
import { toProviderError } from '../../routing/to-provider-error.js';
import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';

/** How one key answered one model. */
export interface KeyModelResult {
  provider: string;
  model: string;
  /** The key's safe label (`groq#3f9a1c2e`), never the key. */
  keyId: string;
  targetId: string;
  isSuccess: boolean;
  /** To the end of the answer (or of the failure). */
  latencyInMs: number;
  ttftInMs?: number;
  /** Output tokens per second after the first one, when the provider reported usage. */
  tokensPerSecond?: number;
  error?: { kind: ProviderErrorKind | 'cancelled'; status?: number; message: string };
}

/** Failures of the test request itself, which say nothing about the key or the model's health. */
const requestFaults: ReadonlySet<string> = new Set(['bad-request', 'context-length', 'content-filter']);

/**
 * Sends one tiny streamed request straight through the target's adapter (no routing, no fallback) and
 * times it: time to the first content token, to the end, and the output rate. Never throws: a failure is
 * a result with its error kind and the provider's message (redacted).
 */
export async function testKeyModel(
  target: Target,
  options: { timeoutInMs: number; redact: (text: string) => string; now?: () => number },
): Promise<KeyModelResult> {
  const now = options.now ?? (() => performance.now());
  const base = {
    provider: target.provider,
    model: target.model,
    keyId: target.credential.id,
    targetId: target.id,
  };
  const request: ChatRequest = {
    model: `${target.provider}/${target.model}`,
    messages: [{ role: 'user', content: 'Reply with OK.' }],
    max_tokens: 16,
    stream: true,
  };
  const startedAt = now();
  let ttftInMs: number | undefined;
  try {
    const parts = await target.adapter.chatStream({
      request,
      model: target.model,
      credential: target.credential,
      baseUrl: target.baseUrl,
      signal: AbortSignal.timeout(options.timeoutInMs),
      headers: target.headers,
    });
    let outputTokens: number | undefined;
    for await (const part of parts) {
      if (part.type === 'error') throw part.error;
      if (part.type === 'usage') outputTokens = part.usage.completion_tokens;
      if (ttftInMs === undefined && isContentPart(part)) ttftInMs = now() - startedAt;
    }
    if (ttftInMs === undefined) {
      const message = `${target.provider} ended the stream without any content`;
      throw new ProviderError({ kind: 'server', provider: target.provider, message });
    }
    const latencyInMs = now() - startedAt;
    const generatingInMs = latencyInMs - ttftInMs;
    return {
      ...base,
      isSuccess: true,
      latencyInMs,
      ttftInMs,
      ...(outputTokens && outputTokens > 1 && generatingInMs > 0
        ? { tokensPerSecond: (outputTokens - 1) / (generatingInMs / 1000) }
        : {}),
    };
  } catch (thrown) {
    const error = toProviderError(thrown, target.provider);
    return {
      ...base,
      isSuccess: false,
      latencyInMs: now() - startedAt,
      ...(ttftInMs === undefined ? {} : { ttftInMs }),
      error: {
        kind: 'kind' in error ? error.kind : 'cancelled',
        ...('status' in error && error.status !== undefined ? { status: error.status } : {}),
        message: options.redact(error.message),
      },
    };
  }
}

/**
 * The measurement the learning layer is seeded with, or undefined for a failure of the test request
 * itself (a model that refuses `max_tokens`, say), which would blame the target for nothing.
 */
export function toSeedMeasurement(result: KeyModelResult): SeedMeasurement | undefined {
  if (result.error && requestFaults.has(result.error.kind)) return undefined;
  return {
    isSuccess: result.isSuccess,
    latencyInMs: result.latencyInMs,
    ...(result.ttftInMs === undefined ? {} : { ttftInMs: result.ttftInMs }),
    ...(result.tokensPerSecond === undefined ? {} : { tokensPerSecond: result.tokensPerSecond }),
  };
}
