import type { ChatRequest } from '../spec/chat-request.js';
import { isContentPart, type ChatStreamPart } from '../spec/chat-stream-part.js';
import type { Usage } from '../spec/usage.js';
import type { AttemptContext } from './attempt-context.js';
import { CallerCancelledError } from './attempt-context.js';
import type { AttemptRecord } from './attempt-record.js';
import type { Outcome } from './outcome.js';
import { createAttemptSignal } from './create-attempt-signal.js';
import type { Target } from './target.js';
import { toProviderError } from './to-provider-error.js';

export type StreamAttemptResult =
  | { isSuccess: true; parts: AsyncIterable<ChatStreamPart>; record: AttemptRecord; ttftInMs: number }
  | { isSuccess: false; record: AttemptRecord; isCancelled: boolean };

/**
 * One streamed attempt, up to its commit point (DESIGN.md §3): it succeeds only once the first content
 * part has arrived. Until then any error, timeout or empty end is a failed attempt the router may retry
 * elsewhere. After it, the returned `parts` replay what was read ahead and continue the upstream stream;
 * a later failure arrives as an `error` part. The outcome is emitted when the stream ends.
 */
export async function attemptStream(
  target: Target,
  request: ChatRequest,
  context: AttemptContext,
): Promise<StreamAttemptResult> {
  const now = context.now ?? Date.now;
  const startedAt = now();
  const attempt = createAttemptSignal(context.signal, target.timeoutInMs);
  const base = {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
  };
  const fail = (thrown: unknown): StreamAttemptResult => {
    attempt.dispose();
    const error = toProviderError(thrown, target.provider);
    const latencyInMs = now() - startedAt;
    const isCancelled = error instanceof CallerCancelledError;
    const errorKind = isCancelled ? 'cancelled' : error.kind;
    const status = isCancelled ? undefined : error.status;
    context.onOutcome({
      ...base,
      requestId: context.requestId,
      isStream: true,
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
  };

  let iterator: AsyncIterator<ChatStreamPart>;
  const readAhead: ChatStreamPart[] = [];
  try {
    const stream = await target.adapter.chatStream({
      request,
      model: target.model,
      credential: target.credential,
      baseUrl: target.baseUrl,
      signal: attempt.signal,
      headers: target.headers,
    });
    iterator = stream[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next();
      if (next.done) throw new Error(`${target.provider} ended the stream without any content`);
      if (next.value.type === 'error') throw next.value.error;
      readAhead.push(next.value);
      if (isContentPart(next.value)) break;
    }
  } catch (thrown) {
    attempt.controller.abort(new CallerCancelledError());
    return fail(thrown);
  }

  const ttftInMs = now() - startedAt;
  const parts = continueStream(
    target.provider,
    readAhead,
    iterator,
    () => {
      attempt.controller.abort(new CallerCancelledError());
      attempt.dispose();
    },
    (result) => {
      const latencyInMs = now() - startedAt;
      context.onOutcome({
        ...base,
        requestId: context.requestId,
        isStream: true,
        startedAt,
        latencyInMs,
        ttftInMs,
        ...result,
      });
    },
  );
  return { isSuccess: true, parts, ttftInMs, record: { ...base, isSuccess: true, latencyInMs: ttftInMs } };
}

type StreamEnd = Pick<Outcome, 'isSuccess' | 'errorKind' | 'status' | 'usage'>;

async function* continueStream(
  provider: string,
  readAhead: ChatStreamPart[],
  iterator: AsyncIterator<ChatStreamPart>,
  release: () => void,
  onEnd: (result: StreamEnd) => void,
): AsyncGenerator<ChatStreamPart> {
  let usage: Usage | undefined;
  let end: StreamEnd = { isSuccess: false, errorKind: 'cancelled' };
  try {
    yield* readAhead;
    for (;;) {
      let next: IteratorResult<ChatStreamPart>;
      try {
        next = await iterator.next();
      } catch (thrown) {
        const error = toProviderError(thrown, provider);
        if (error instanceof CallerCancelledError) throw error;
        end = { isSuccess: false, errorKind: error.kind, status: error.status, usage };
        yield { type: 'error', error };
        return;
      }
      if (next.done) break;
      const part = next.value;
      if (part.type === 'usage') usage = part.usage;
      if (part.type === 'error') {
        end = { isSuccess: false, errorKind: part.error.kind, status: part.error.status, usage };
        yield part;
        return;
      }
      yield part;
    }
    end = { isSuccess: true, usage };
  } finally {
    if (end.errorKind === 'cancelled') await iterator.return?.().catch(() => undefined);
    release();
    onEnd(end);
  }
}
