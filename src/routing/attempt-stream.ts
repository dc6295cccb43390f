import type { Usage } from '../spec/usage.js';
import type { AttemptContext } from './attempt-context.js';
import { CallerCancelledError } from './attempt-context.js';
import { describeFailure, type AttemptResult } from './attempt-result.js';
import { createAttemptSignal } from './create-attempt-signal.js';
import type { Outcome } from './outcome.js';
import type { StreamCodec } from './stream-codec.js';
import type { Target } from './target.js';
import { toProviderError } from './to-provider-error.js';

/** A committed stream: what was read ahead, then the rest of the upstream stream. */
export interface CommittedStream<P> {
  parts: AsyncIterable<P>;
  ttftInMs: number;
  /** Closes the stream without reading it (a race loser that committed too late): upstream aborted. */
  cancel(): void;
}

/**
 * One streamed attempt, up to its commit point (DESIGN.md §3): it succeeds only once the first content
 * item has arrived. Until then any error, timeout or empty end is a failed attempt the strategy may
 * retry elsewhere. After it, `parts` replays what was read ahead and continues the upstream stream; a
 * later failure ends it (as the format's error item, or as a thrown error). The outcome is emitted when
 * the stream ends.
 */
export async function attemptStream<P>(
  target: Target,
  context: AttemptContext,
  open: (target: Target, signal: AbortSignal) => Promise<AsyncIterable<P>>,
  codec: StreamCodec<P>,
): Promise<AttemptResult<CommittedStream<P>>> {
  const now = context.now ?? Date.now;
  const startedAt = now();
  const attempt = createAttemptSignal(context.signal, target.timeoutInMs);
  const base = {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
    requestId: context.requestId,
    route: context.route,
    isStream: true,
    startedAt,
  };

  let iterator: AsyncIterator<P>;
  const readAhead: P[] = [];
  const ttftTimer =
    context.ttftTimeoutInMs === undefined
      ? undefined
      : setTimeout(() => {
          attempt.controller.abort(
            new DOMException(`no first token within ${context.ttftTimeoutInMs} ms`, 'TimeoutError'),
          );
        }, context.ttftTimeoutInMs);
  try {
    iterator = (await open(target, attempt.signal))[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next();
      if (next.done) throw new Error(`${target.provider} ended the stream without any content`);
      const error = codec.errorOf(next.value);
      if (error) throw error;
      readAhead.push(next.value);
      if (codec.isContent(next.value)) break;
    }
    clearTimeout(ttftTimer);
  } catch (thrown) {
    clearTimeout(ttftTimer);
    attempt.controller.abort(new CallerCancelledError());
    attempt.dispose();
    const failure = describeFailure(thrown, target, now() - startedAt);
    context.onOutcome({
      ...base,
      isSuccess: false,
      errorKind: failure.record.errorKind,
      status: failure.record.status,
      retryAfterMs: failure.record.error?.retryAfterMs,
      latencyInMs: failure.record.latencyInMs,
    });
    return failure;
  }

  const ttftInMs = now() - startedAt;
  // A stream that ended on its own has released its connection; only an unfinished one is aborted.
  const release = (isFinished: boolean): void => {
    if (!isFinished) attempt.controller.abort(new CallerCancelledError());
    attempt.dispose();
  };
  let isEnded = false;
  const finish = (end: StreamEnd): void => {
    if (isEnded) return;
    isEnded = true;
    release(end.isSuccess);
    context.onOutcome({ ...base, latencyInMs: now() - startedAt, ttftInMs, ...end });
  };
  const parts = continueStream(target.provider, readAhead, iterator, codec, finish);
  const cancel = (): void => {
    void iterator.return?.().catch(() => undefined);
    finish({ isSuccess: false, errorKind: 'cancelled' });
  };
  return {
    isSuccess: true,
    value: { parts, ttftInMs, cancel },
    record: {
      targetId: target.id,
      provider: target.provider,
      model: target.model,
      credentialId: target.credential.id,
      isSuccess: true,
      latencyInMs: ttftInMs,
    },
  };
}

type StreamEnd = Pick<Outcome, 'isSuccess' | 'errorKind' | 'status' | 'retryAfterMs' | 'usage'>;

async function* continueStream<P>(
  provider: string,
  readAhead: P[],
  iterator: AsyncIterator<P>,
  codec: StreamCodec<P>,
  finish: (end: StreamEnd) => void,
): AsyncGenerator<P> {
  let usage: Usage | undefined;
  let end: StreamEnd = { isSuccess: false, errorKind: 'cancelled' };
  try {
    for (const part of readAhead) {
      usage = codec.usageOf(part) ?? usage;
      yield part;
    }
    for (;;) {
      let next: IteratorResult<P>;
      try {
        next = await iterator.next();
      } catch (thrown) {
        const error = toProviderError(thrown, provider);
        if (!(error instanceof CallerCancelledError))
          end = {
            isSuccess: false,
            errorKind: error.kind,
            status: error.status,
            retryAfterMs: error.retryAfterMs,
            usage,
          };
        throw error;
      }
      if (next.done) break;
      usage = codec.usageOf(next.value) ?? usage;
      const error = codec.errorOf(next.value);
      if (error) {
        end = {
          isSuccess: false,
          errorKind: error.kind,
          status: error.status,
          retryAfterMs: error.retryAfterMs,
          usage,
        };
        yield next.value;
        return;
      }
      yield next.value;
    }
    end = { isSuccess: true, usage };
  } finally {
    if (end.errorKind === 'cancelled') await iterator.return?.().catch(() => undefined);
    finish(end);
  }
}
