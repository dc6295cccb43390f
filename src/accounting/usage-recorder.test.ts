import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../test/support/create-fake-clock.js';
import type { UsageRecord, UsageStore } from '../store/usage-store.js';
import type { FinishedRequest } from './finished-request.js';
import { createModelInfoLookup } from './get-model-info.js';
import { createUsageRecorder } from './usage-recorder.js';

/** A usage store that only keeps what it is given, batch by batch, and can be told to fail. */
function createCapturingStore() {
  const batches: UsageRecord[][] = [];
  let failuresLeft = 0;
  const store: UsageStore & { batches: UsageRecord[][]; failNext(times: number): void } = {
    batches,
    failNext: (times) => (failuresLeft = times),
    async append(records) {
      if (failuresLeft-- > 0) throw new Error('disk I/O error');
      batches.push([...records]);
    },
    aggregate: async () => [],
    list: async () => ({ records: [] }),
    get: async () => undefined,
    timeseries: async () => [],
  };
  return store;
}

const attempt = {
  targetId: 'openai/gpt-4o-mini@openai#1',
  provider: 'openai',
  model: 'gpt-4o-mini',
  credentialId: 'openai#1',
  isSuccess: true,
  latencyInMs: 120,
};

function finished(index: number, extra: Partial<FinishedRequest> = {}): FinishedRequest {
  return {
    requestId: `req_${index}`,
    createdAt: 1_000_000 + index,
    endpoint: '/v1/chat/completions',
    route: 'openai/gpt-4o-mini',
    status: 200,
    isStream: false,
    attempts: [attempt],
    durationInMs: 130,
    usage: { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000 },
    ...extra,
  };
}

function setUp(options: { maxBatch?: number } = {}) {
  const clock = createFakeClock();
  const store = createCapturingStore();
  const errors: string[] = [];
  const recorder = createUsageRecorder({
    store,
    clock,
    getModelInfo: createModelInfoLookup(),
    flushIntervalInMs: 1000,
    maxBatch: options.maxBatch ?? 500,
    onError: (_error, message) => errors.push(message),
  });
  return { clock, store, recorder, errors };
}

describe('createUsageRecorder', () => {
  it('writes nothing on record, then one batch once the interval has passed', async () => {
    const { clock, store, recorder } = setUp();
    for (let index = 0; index < 3; index++) recorder.record(finished(index));
    await clock.advance(999);
    expect(store.batches).toHaveLength(0);
    expect(recorder.pendingCount).toBe(3);
    await clock.advance(1);
    expect(store.batches.map((batch) => batch.map((record) => record.requestId))).toEqual([
      ['req_0', 'req_1', 'req_2'],
    ]);
    expect(recorder.pendingCount).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it('writes as soon as maxBatch records wait, in batches of at most maxBatch, without the interval', async () => {
    const { clock, store, recorder } = setUp({ maxBatch: 4 });
    for (let index = 0; index < 3; index++) recorder.record(finished(index));
    await clock.advance(0);
    expect(store.batches).toHaveLength(0);
    for (let index = 3; index < 9; index++) recorder.record(finished(index));
    await clock.advance(0);
    expect(store.batches.map((batch) => batch.length)).toEqual([4, 4, 1]);
    expect(store.batches.flat().map((record) => record.requestId)).toEqual(
      Array.from({ length: 9 }, (_, index) => `req_${index}`),
    );
    expect(clock.pending()).toBe(0);
  });

  it('prices the answering target and keeps every attempt', async () => {
    const { store, recorder } = setUp();
    const failed = { ...attempt, targetId: 'groq/x@groq#1', provider: 'groq', model: 'x', isSuccess: false };
    recorder.record(finished(1, { attempts: [{ ...failed, errorKind: 'server', status: 500 }, attempt] }));
    await recorder.flush();
    const [record] = store.batches[0]!;
    // gpt-4o-mini: 1000 × $0.15 + 1000 × $0.60 per million.
    expect(record).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', costInUsd: 0.00075 });
    expect(record!.tokenSource).toBe('provider');
    expect(record!.attempts.map((summary) => [summary.provider, summary.isSuccess, summary.status])).toEqual([
      ['groq', false, 500],
      ['openai', true, undefined],
    ]);
  });

  it('counts tokens with the tokenizer at flush time when the provider reported none, for answers only', async () => {
    const { store, recorder } = setUp();
    recorder.record(
      finished(1, {
        usage: undefined,
        isStream: true,
        countable: {
          request: { messages: [{ role: 'user', content: 'Hello there, how are you today?' }] },
          outputText: ['I am ', 'fine, ', 'thank you.'],
        },
      }),
    );
    // Failed everywhere: nothing was generated, so nothing is counted even though the request is at hand.
    const failed = { ...attempt, isSuccess: false, errorKind: 'server' as const, status: 502 };
    recorder.record(
      finished(2, {
        usage: undefined,
        status: 502,
        attempts: [failed],
        countable: { request: { messages: [{ role: 'user', content: 'Hello' }] } },
      }),
    );
    await recorder.flush();
    const [estimated, none] = store.batches[0]!;
    expect(estimated).toMatchObject({ tokenSource: 'estimated', completionTokens: 7 });
    // 8 text tokens + 3 for the message's framing + 3 for the reply priming.
    expect(estimated!.promptTokens).toBe(14);
    expect(estimated!.costInUsd).toBeCloseTo((14 * 0.15 + 7 * 0.6) / 1e6, 12);
    expect(estimated!.attempts[0]).toMatchObject({ ttftInMs: 120, latencyInMs: 130 });
    expect(none).toMatchObject({ tokenSource: 'none', promptTokens: 0, costInUsd: 0, provider: 'openai' });
  });

  it('keeps a failed batch and writes it on the next interval, logging instead of throwing', async () => {
    const { clock, store, recorder, errors } = setUp();
    store.failNext(1);
    recorder.record(finished(1));
    await recorder.flush();
    expect(store.batches).toHaveLength(0);
    expect(errors).toEqual(['writing 1 usage records failed; retrying in 1000 ms']);
    recorder.record(finished(2));
    await clock.advance(1000);
    expect(store.batches.flat().map((record) => record.requestId)).toEqual(['req_1', 'req_2']);
  });

  it('says how many records are lost when the last write at close fails, and arms no retry', async () => {
    const { clock, store, recorder, errors } = setUp();
    store.failNext(1);
    recorder.record(finished(1));
    recorder.record(finished(2));
    await recorder.close();
    expect(errors).toEqual(['writing the usage log at close failed; 2 usage records are lost']);
    expect(recorder.pendingCount).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it('flushes on close and refuses records after it', async () => {
    const { store, recorder, errors } = setUp();
    recorder.record(finished(1));
    await recorder.close();
    expect(store.batches.flat()).toHaveLength(1);
    recorder.record(finished(2));
    expect(errors).toEqual(['usage of req_2 was not recorded']);
    expect(recorder.pendingCount).toBe(0);
  });
});
