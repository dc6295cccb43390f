import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';
import { startRedis, type RedisServer } from '../support/start-redis.js';

// Issue "Running many instances", item 5: two gateways on one real Redis server, one with
// LIMITS_FAIL_MODE=closed (the default) and one with open, both with the response cache in Redis. The
// Redis server is stopped mid-test.

const gatewayKey = 'arb_test_fail_mode_key_0000000001';
let simulator: Simulator;
let redis: RedisServer;
let closed: RunningGateway;
let open: RunningGateway;

beforeAll(async () => {
  [simulator, redis] = await Promise.all([createSimulator({ seed: 31, timeScale: 0.01 }), startRedis()]);
  const env = (failMode: string) => ({
    OPENAI_API_KEY: 'sim-openai-key',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    MAX_RETRY_ATTEMPTS: '0',
    ARBITER_API_KEYS: `${gatewayKey}:enterprise`,
    REDIS_URL: redis.url,
    LIMITS_FAIL_MODE: failMode,
    CACHE_ENABLED: 'true',
  });
  [closed, open] = await Promise.all([startGateway(env('closed')), startGateway(env('open'))]);
});

afterAll(async () => {
  await closed?.close();
  await open?.close();
  await simulator?.close();
  await redis?.close();
});

const chat = (running: RunningGateway, content: string) =>
  fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${gatewayKey}` },
    body: JSON.stringify({ model: 'openai/sim-instant', messages: [{ role: 'user', content }] }),
  });

const ready = async (running: RunningGateway) => {
  const response = await fetch(`${running.url}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Polls until `check` passes: ioredis notices a closed server within milliseconds, not synchronously. */
async function eventually(check: () => Promise<void>, timeoutInMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutInMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe('Redis fail modes', () => {
  it('reports Redis up with the configured fail modes while it is reachable', async () => {
    expect(await ready(closed)).toEqual({
      status: 200,
      body: expect.objectContaining({
        status: 'ready',
        redis: { status: 'up', limits: 'fail-closed', cache: 'fail-open' },
      }),
    });
    expect((await ready(open)).body.redis).toEqual({ status: 'up', limits: 'fail-open', cache: 'fail-open' });
    const health = (await (await fetch(`${closed.url}/health`)).json()) as Record<string, unknown>;
    expect(health.redis).toEqual({ status: 'up', limits: 'fail-closed', cache: 'fail-open' });
    expect((await chat(closed, 'warm the cache')).status).toBe(200);
  });

  it('with Redis stopped: closed refuses with 503 limits_unavailable and says so on /ready; open and the cache keep serving', async () => {
    await redis.close();
    await eventually(async () => {
      const answer = await ready(closed);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        status: expect.stringContaining('Redis is unreachable'),
        redis: { status: 'down', limits: 'fail-closed', cache: 'fail-open' },
      });
    });

    const refused = await chat(closed, 'anything');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('limits_unavailable');
    expect(body.error.message).toContain('the shared limit store (Redis) is unreachable');

    // Open: admitted unchecked; the cache in Redis fails open (a miss), so the answer comes from upstream.
    const client = new OpenAI({ baseURL: `${open.url}/v1`, apiKey: gatewayKey, maxRetries: 0 });
    const { data, response } = await client.chat.completions
      .create({ model: 'openai/sim-instant', messages: [{ role: 'user', content: 'warm the cache' }] })
      .withResponse();
    expect(data.choices[0]!.message.content).toBeTruthy();
    expect(response.headers.get('x-arbiter-cache')).toBe('miss');
    const openReady = await ready(open);
    expect(openReady).toMatchObject({
      status: 200,
      body: { redis: { status: 'down', limits: 'fail-open' } },
    });
  });
});
