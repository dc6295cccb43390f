import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { createFakeClock } from '../support/create-fake-clock.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

// The response cache through the real server with the official openai SDK: one gateway with the
// in-memory cache (CACHE_ENABLED, a 60 s CACHE_TTL on a fake clock) and two gateway keys.

const keys = { alice: 'arb_test_cache_alice_key_00000001', bob: 'arb_test_cache_bob_key_000000001' };
const clock = createFakeClock(Date.parse('2026-03-10T10:00:00Z'));
let simulator: Simulator;
let running: RunningGateway;
let alice: OpenAI;
let bob: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 21, timeScale: 0.01 });
  running = await startGateway(
    {
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      MAX_RETRY_ATTEMPTS: '0',
      LLM_AUTO_FALLBACK: 'false',
      ARBITER_API_KEYS: `${keys.alice}:enterprise,${keys.bob}:enterprise`,
      CACHE_ENABLED: 'true',
      CACHE_TTL: '60',
    },
    { clock },
  );
  alice = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: keys.alice, maxRetries: 0 });
  bob = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: keys.bob, maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const upstreamCalls = () =>
  simulator.requests.filter((request) => request.path.endsWith('/chat/completions'));
const ask = (content: string, model = 'openai/sim-fast') => ({
  model,
  messages: [{ role: 'user' as const, content }],
});

async function create(client: OpenAI, body: ReturnType<typeof ask> & Record<string, unknown>, headers = {}) {
  const { data, response } = await client.chat.completions
    .create(body as OpenAI.ChatCompletionCreateParamsNonStreaming, { headers })
    .withResponse();
  return { data, headers: response.headers };
}

describe('response cache (CACHE_ENABLED)', () => {
  it('answers a repeated request from the cache: x-arbiter-cache hit, the original target, no upstream call', async () => {
    const first = await create(alice, ask('What is a tide?'));
    expect(first.headers.get('x-arbiter-cache')).toBe('miss');
    const calls = upstreamCalls().length;
    const second = await create(alice, ask('What is a tide?'));
    expect(second.headers.get('x-arbiter-cache')).toBe('hit');
    expect(second.headers.get('x-arbiter-provider')).toBe('openai');
    expect(second.headers.get('x-arbiter-model')).toBe('sim-fast');
    expect(second.headers.get('x-arbiter-attempts')).toBe('0');
    expect(second.data.choices[0]!.message.content).toBe(first.data.choices[0]!.message.content);
    expect(upstreamCalls()).toHaveLength(calls);

    // The hit is in the usage log as one, at no cost.
    const requestId = second.headers.get('x-request-id')!;
    const record = (await (
      await fetch(`${running.url}/usage/requests/${requestId}`, {
        headers: { authorization: `Bearer ${keys.alice}` },
      })
    ).json()) as { cache_hit: boolean; cost_estimate: number; tokens_used: number };
    // Named after the target whose answer was cached, so per-provider views count the hit there.
    expect(record).toMatchObject({
      cache_hit: true,
      cost_estimate: 0,
      tokens_used: 0,
      provider: 'openai',
      model: 'sim-fast',
    });
  });

  it('replays a cached answer as a stream through the SDK', async () => {
    const collect = async () => {
      const stream = await alice.chat.completions
        .create({ ...ask('Describe the moon'), stream: true })
        .withResponse();
      let text = '';
      for await (const chunk of stream.data) text += chunk.choices[0]?.delta.content ?? '';
      return { text, cache: stream.response.headers.get('x-arbiter-cache') };
    };
    const first = await collect();
    expect(first.cache).toBe('miss');
    const calls = upstreamCalls().length;
    const second = await collect();
    expect(second).toEqual({ text: first.text, cache: 'hit' });
    expect(second.text.length).toBeGreaterThan(0);
    expect(upstreamCalls()).toHaveLength(calls);
  });

  it('skips the cache with cache: false (never sent upstream) and with Cache-Control', async () => {
    await create(alice, ask('Opt-out question'));
    const optedOut = await create(alice, { ...ask('Opt-out question'), cache: false });
    expect(optedOut.headers.get('x-arbiter-cache')).toBe('miss');
    expect(upstreamCalls().at(-1)!.body).not.toHaveProperty('cache');

    // no-cache: a fresh answer, which is stored for the next request.
    const fresh = await create(alice, ask('No-cache question'), { 'cache-control': 'no-cache' });
    expect(fresh.headers.get('x-arbiter-cache')).toBe('miss');
    expect((await create(alice, ask('No-cache question'))).headers.get('x-arbiter-cache')).toBe('hit');
    expect(
      (await create(alice, ask('No-cache question'), { 'cache-control': 'no-cache' })).headers.get(
        'x-arbiter-cache',
      ),
    ).toBe('miss');

    // no-store: neither looked up nor stored.
    await create(alice, ask('No-store question'), { 'cache-control': 'no-store' });
    expect((await create(alice, ask('No-store question'))).headers.get('x-arbiter-cache')).toBe('miss');
  });

  it("never serves one gateway key's answer to another", async () => {
    await create(alice, ask('Private question'));
    expect((await create(alice, ask('Private question'))).headers.get('x-arbiter-cache')).toBe('hit');
    expect((await create(bob, ask('Private question'))).headers.get('x-arbiter-cache')).toBe('miss');
  });

  it('expires entries after CACHE_TTL', async () => {
    await create(alice, ask('Short-lived question'));
    await clock.advance(59_000);
    expect((await create(alice, ask('Short-lived question'))).headers.get('x-arbiter-cache')).toBe('hit');
    await clock.advance(2_000);
    expect((await create(alice, ask('Short-lived question'))).headers.get('x-arbiter-cache')).toBe('miss');
  });

  it('does not store a stream that broke off', async () => {
    const readCut = async () => {
      const stream = await alice.chat.completions.create({
        ...ask('Cut me', 'openai/sim-cut'),
        stream: true,
      });
      try {
        for await (const chunk of stream) void chunk;
      } catch {
        // The cut: the SDK reports the stream's error event.
      }
    };
    await readCut();
    const calls = upstreamCalls().length;
    await readCut();
    expect(upstreamCalls()).toHaveLength(calls + 1);
  });

  it('caches translated /v1/messages answers for the Anthropic SDK, replayed as Anthropic events', async () => {
    const anthropic = new Anthropic({ baseURL: running.url, apiKey: keys.alice, maxRetries: 0 });
    const body = {
      model: 'openai/sim-fast',
      max_tokens: 100,
      messages: [{ role: 'user' as const, content: 'Anthropic-format question' }],
    };
    const first = await anthropic.messages.create(body).withResponse();
    expect(first.response.headers.get('x-arbiter-cache')).toBe('miss');
    const calls = upstreamCalls().length;
    const second = await anthropic.messages.create(body).withResponse();
    expect(second.response.headers.get('x-arbiter-cache')).toBe('hit');
    expect(second.data.content).toEqual(first.data.content);

    const stream = await anthropic.messages.create({ ...body, stream: true }).withResponse();
    expect(stream.response.headers.get('x-arbiter-cache')).toBe('hit');
    let text = '';
    for await (const event of stream.data)
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    expect(text).toBe(first.data.content.map((block) => (block.type === 'text' ? block.text : '')).join(''));
    expect(upstreamCalls()).toHaveLength(calls);
  });

  it('caches /chat and replays a hit on /chat/stream', async () => {
    const post = (path: string) =>
      fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.alice}` },
        body: JSON.stringify({ message: 'Chat-service question', model: 'openai/sim-fast' }),
      });
    const first = await post('/chat');
    expect(first.headers.get('x-arbiter-cache')).toBe('miss');
    const calls = upstreamCalls().length;
    const second = await post('/chat');
    expect(second.headers.get('x-arbiter-cache')).toBe('hit');
    type Answer = { message: string; model_used: string; tokens_used: number; cost_estimate: number };
    const [fresh, cached] = [(await first.json()) as Answer, (await second.json()) as Answer];
    expect(cached.message).toBe(fresh.message);
    expect(cached.message.length).toBeGreaterThan(0);
    // The body is the cached answer as it was (its tokens included); the usage log has the hit at no cost.
    expect(cached).toMatchObject({ model_used: 'openai/sim-fast', tokens_used: fresh.tokens_used });
    const stream = await post('/chat/stream');
    expect(stream.headers.get('x-arbiter-cache')).toBe('hit');
    expect(await stream.text()).toContain('event: done');
    expect(upstreamCalls()).toHaveLength(calls);
  });

  it('sends no x-arbiter-cache header while the cache is off', async () => {
    const uncached = await startGateway({
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
    });
    try {
      const client = new OpenAI({ baseURL: `${uncached.url}/v1`, apiKey: 'unused', maxRetries: 0 });
      for (let index = 0; index < 2; index++)
        expect((await create(client, ask('Same question'))).headers.has('x-arbiter-cache')).toBe(false);
    } finally {
      await uncached.close();
    }
  });
});
