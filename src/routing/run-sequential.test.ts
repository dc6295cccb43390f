import { describe, expect, it } from 'vitest';
import { collect } from '../../test/support/collect.js';
import { createFakeAdapter, createFakeTarget, textParts } from '../../test/support/create-fake-adapter.js';
import type { ChatRequest } from '../spec/chat-request.js';
import { ProviderError } from '../spec/provider-error.js';
import { AllAttemptsFailedError } from './all-attempts-failed-error.js';
import { attemptCall } from './attempt-call.js';
import type { AttemptContext } from './attempt-context.js';
import { attemptStream } from './attempt-stream.js';
import type { Outcome } from './outcome.js';
import { runSequential } from './run-sequential.js';
import { chatStreamCodec } from './stream-codec.js';
import type { Target } from './target.js';

const request: ChatRequest = { model: 'route', messages: [{ role: 'user', content: 'hi' }] };

function context(outcomes: Outcome[] = []): AttemptContext {
  let clock = 1000;
  return {
    requestId: 'req_1',
    route: 'route',
    signal: new AbortController().signal,
    onOutcome: (outcome) => outcomes.push(outcome),
    now: () => (clock += 10),
  };
}

const call = (target: Target, signal: AbortSignal) =>
  target.adapter.chat({
    request,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
  });
const open = (target: Target, signal: AbortSignal) =>
  target.adapter.chatStream({
    request,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
  });
const runChat = (targets: Target[], attemptContext: AttemptContext) =>
  runSequential(targets, attemptContext, (target) =>
    attemptCall(target, attemptContext, call, (response) => response.usage),
  );
const runStream = (targets: Target[], attemptContext: AttemptContext) =>
  runSequential(targets, attemptContext, (target) =>
    attemptStream(target, attemptContext, open, chatStreamCodec),
  );

describe('sequential strategy, non-streamed', () => {
  it('falls back to the next target and reports every attempt', async () => {
    const outcomes: Outcome[] = [];
    const down = createFakeAdapter('down', [{ fail: 'server', status: 500 }]);
    const up = createFakeAdapter('up', [{ response: 'hello' }]);
    const result = await runChat(
      [createFakeTarget('down', down.adapter), createFakeTarget('up', up.adapter)],
      context(outcomes),
    );
    expect(result.value.choices[0]!.message.content).toBe('hello');
    expect(result.target.provider).toBe('up');
    expect(
      result.attempts.map((attempt) => [attempt.provider, attempt.isSuccess, attempt.errorKind]),
    ).toEqual([
      ['down', false, 'server'],
      ['up', true, undefined],
    ]);
    expect(
      outcomes.map((outcome) => [outcome.provider, outcome.isSuccess, outcome.status, outcome.latencyInMs]),
    ).toEqual([
      ['down', false, 500, 10],
      ['up', true, undefined, 10],
    ]);
    expect(outcomes[1]!.usage?.total_tokens).toBe(5);
    expect(up.calls[0]!.credential).toEqual({ id: 'up#1', apiKey: 'up-secret' });
  });

  it('throws AllAttemptsFailedError with the trail when every target fails', async () => {
    const a = createFakeAdapter('a', [{ fail: 'rate-limited', status: 429, retryAfterMs: 2000 }]);
    const b = createFakeAdapter('b', [{ fail: 'timeout' }]);
    const failure = runChat([createFakeTarget('a', a.adapter), createFakeTarget('b', b.adapter)], context());
    const error = (await failure.catch((thrown: unknown) => thrown)) as AllAttemptsFailedError;
    expect(error).toBeInstanceOf(AllAttemptsFailedError);
    expect(error.attempts.map((attempt) => attempt.errorKind)).toEqual(['rate-limited', 'timeout']);
    expect(error.lastError?.kind).toBe('timeout');
  });
});

describe('sequential strategy, streamed', () => {
  it('commits only once content arrived: an error before it falls back, after it ends the stream', async () => {
    const outcomes: Outcome[] = [];
    const brokenEarly = createFakeAdapter('early', [
      {
        parts: [
          { type: 'response-metadata', id: 'x' },
          {
            type: 'error',
            error: new ProviderError({ kind: 'overloaded', provider: 'early', message: 'busy' }),
          },
        ],
      },
    ]);
    const brokenLate = createFakeAdapter('late', [
      {
        parts: [
          { type: 'text-delta', choiceIndex: 0, text: 'partial' },
          { type: 'error', error: new ProviderError({ kind: 'network', provider: 'late', message: 'cut' }) },
        ],
      },
    ]);
    const result = await runStream(
      [createFakeTarget('early', brokenEarly.adapter), createFakeTarget('late', brokenLate.adapter)],
      context(outcomes),
    );
    expect(result.target.provider).toBe('late');
    expect(result.attempts.map((attempt) => attempt.isSuccess)).toEqual([false, true]);
    expect((await collect(result.value.parts)).map((part) => part.type)).toEqual(['text-delta', 'error']);
    expect(outcomes.map((outcome) => [outcome.provider, outcome.isSuccess, outcome.errorKind])).toEqual([
      ['early', false, 'overloaded'],
      ['late', false, 'network'],
    ]);
  });

  it('replays what it read ahead and records usage and time to first token', async () => {
    const outcomes: Outcome[] = [];
    const ok = createFakeAdapter('ok', [{ parts: textParts('hello') }]);
    const result = await runStream([createFakeTarget('ok', ok.adapter)], context(outcomes));
    expect((await collect(result.value.parts)).map((part) => part.type)).toEqual([
      'response-metadata',
      'text-delta',
      'finish',
      'usage',
    ]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      isSuccess: true,
      isStream: true,
      ttftInMs: 10,
      usage: { total_tokens: 5 },
    });
  });

  it('treats a stream that ends without content as a failed attempt', async () => {
    const empty = createFakeAdapter('empty', [{ parts: [{ type: 'response-metadata', id: 'x' }] }]);
    await expect(runStream([createFakeTarget('empty', empty.adapter)], context())).rejects.toBeInstanceOf(
      AllAttemptsFailedError,
    );
  });

  it('records a consumer that stops early as cancelled and closes the upstream iterator', async () => {
    const outcomes: Outcome[] = [];
    let isClosed = false;
    const target = createFakeTarget('ok', createFakeAdapter('ok', []).adapter);
    const attemptContext = context(outcomes);
    const result = await runSequential([target], attemptContext, (candidate) =>
      attemptStream(
        candidate,
        attemptContext,
        async () =>
          (async function* () {
            try {
              yield* textParts('one');
              yield* textParts('two');
            } finally {
              isClosed = true;
            }
          })(),
        chatStreamCodec,
      ),
    );
    for await (const part of result.value.parts) if (part.type === 'text-delta') break;
    expect(isClosed).toBe(true);
    expect(outcomes[0]).toMatchObject({ isSuccess: false, errorKind: 'cancelled' });
  });
});
