import { describe, expect, it } from 'vitest';
import { createFakeAdapter, createFakeTarget } from '../../../test/support/create-fake-adapter.js';
import { createFakeClock } from '../../../test/support/create-fake-clock.js';
import { testKeyModel, toSeedMeasurement } from './test-key-model.js';

const redact = (text: string) => text.replaceAll('fake', '***');

describe('testKeyModel', () => {
  it('times the first content token and the end of a streamed answer through the adapter alone', async () => {
    const clock = createFakeClock();
    const { adapter, calls } = createFakeAdapter(
      'groq',
      [{ response: 'OK', delayInMs: 100, contentDelayInMs: 50 }],
      clock,
    );
    const pending = testKeyModel(createFakeTarget('groq', adapter, 'llama', 'groq#1'), {
      timeoutInMs: 5000,
      redact,
      now: clock.now,
    });
    await clock.advance(150);
    const result = await pending;
    expect(result).toEqual({
      provider: 'groq',
      model: 'llama',
      keyId: 'groq#1',
      targetId: 'groq/llama@groq#1',
      isSuccess: true,
      latencyInMs: 150,
      ttftInMs: 150,
    });
    expect(calls[0]!.request).toMatchObject({
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Reply with OK.' }],
    });
    expect(toSeedMeasurement(result)).toEqual({ isSuccess: true, latencyInMs: 150, ttftInMs: 150 });
  });

  it('reports a refused key with its kind, status and redacted message, and seeds it as a failure', async () => {
    const { adapter } = createFakeAdapter('openai', [{ fail: 'auth', status: 401 }]);
    const result = await testKeyModel(createFakeTarget('openai', adapter), { timeoutInMs: 5000, redact });
    expect(result).toMatchObject({
      isSuccess: false,
      error: { kind: 'auth', status: 401, message: '*** auth' },
    });
    expect(toSeedMeasurement(result)).toMatchObject({ isSuccess: false });
  });

  it('fails a stream without content, and does not blame a target for a request it refused as invalid', async () => {
    const empty = createFakeAdapter('groq', [{ parts: [{ type: 'response-metadata', id: 'x' }] }]).adapter;
    const result = await testKeyModel(createFakeTarget('groq', empty), { timeoutInMs: 5000, redact });
    expect(result.error).toMatchObject({
      kind: 'server',
      message: 'groq ended the stream without any content',
    });
    const invalid = createFakeAdapter('openai', [{ fail: 'bad-request', status: 400 }]).adapter;
    expect(
      toSeedMeasurement(
        await testKeyModel(createFakeTarget('openai', invalid), { timeoutInMs: 5000, redact }),
      ),
    ).toBeUndefined();
  });
});
