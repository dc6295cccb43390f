import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { AttemptContext } from './attempt-context.js';
import { CallerCancelledError } from './attempt-context.js';
import type { AttemptRecord } from './attempt-record.js';
import { createAttemptSignal } from './create-attempt-signal.js';
import type { Target } from './target.js';
import { toProviderError } from './to-provider-error.js';

export type ChatAttemptResult =
  | { isSuccess: true; response: ChatResponse; record: AttemptRecord }
  | { isSuccess: false; record: AttemptRecord; isCancelled: boolean };

/** One non-streamed attempt against one target, with its timeout, its record and its outcome event. */
export async function attemptChat(
  target: Target,
  request: ChatRequest,
  context: AttemptContext,
): Promise<ChatAttemptResult> {
  const now = context.now ?? Date.now;
  const startedAt = now();
  const attempt = createAttemptSignal(context.signal, target.timeoutInMs);
  const base = {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
  };
  try {
    const response = await target.adapter.chat({
      request,
      model: target.model,
      credential: target.credential,
      baseUrl: target.baseUrl,
      signal: attempt.signal,
      headers: target.headers,
    });
    const latencyInMs = now() - startedAt;
    context.onOutcome({
      ...base,
      requestId: context.requestId,
      isStream: false,
      isSuccess: true,
      startedAt,
      latencyInMs,
      usage: response.usage,
    });
    return { isSuccess: true, response, record: { ...base, isSuccess: true, latencyInMs } };
  } catch (thrown) {
    const error = toProviderError(thrown, target.provider);
    const latencyInMs = now() - startedAt;
    const isCancelled = error instanceof CallerCancelledError;
    const errorKind = isCancelled ? 'cancelled' : error.kind;
    const status = isCancelled ? undefined : error.status;
    context.onOutcome({
      ...base,
      requestId: context.requestId,
      isStream: false,
      isSuccess: false,
      errorKind,
      status,
      startedAt,
      latencyInMs,
    });
    return {
      isSuccess: false,
      isCancelled,
      record: {
        ...base,
        isSuccess: false,
        errorKind,
        status,
        latencyInMs,
        error: isCancelled ? undefined : error,
      },
    };
  } finally {
    attempt.dispose();
  }
}
