import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { createFakeClock } from '../support/create-fake-clock.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

const keys = {
  free: 'arb_test_queue_free_key_0000001',
  premium: 'arb_test_queue_premium_key_00001',
  enterprise: 'arb_test_queue_enterprise_key_01',
};

let simulator: Simulator;
let running: RunningGateway;
const clock = createFakeClock(Date.parse('2026-03-10T14:20:00Z'));

beforeAll(async () => {
  simulator = await createSimulator({ seed: 9, timeScale: 0.01 });
  running = await startGateway(
    {
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      MAX_RETRY_ATTEMPTS: '0',
      ARBITER_API_KEYS: `${keys.free}:free,${keys.premium}:premium,${keys.enterprise}:enterprise`,
      ARBITER_MAX_CONCURRENT_REQUESTS: '1',
      ARBITER_QUEUE_TIMEOUT_MS: '5000',
    },
    { clock },
  );
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

function chat(key: string, model: string, content: string, signal?: AbortSignal) {
  return fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model, max_tokens: 10, messages: [{ role: 'user', content }] }),
    signal,
  });
}

describe('the admission queue when the gateway is saturated', () => {
  it('admits enterprise before free, first come first served within a plan', async () => {
    const { gate } = running.gateway.tenancy;
    const hog = new AbortController();
    const hanging = chat(keys.premium, 'openai/sim-hang', 'hog', hog.signal).catch((error: unknown) => error);
    await expect.poll(() => gate.running).toBe(1);

    const finished: string[] = [];
    const send = (key: string, content: string) =>
      chat(key, 'openai/sim-instant', content).then((response) => {
        finished.push(content);
        return response.status;
      });
    const first = send(keys.free, 'free 1');
    await expect.poll(() => gate.waiting).toBe(1);
    const second = send(keys.free, 'free 2');
    await expect.poll(() => gate.waiting).toBe(2);
    const third = send(keys.enterprise, 'enterprise');
    await expect.poll(() => gate.waiting).toBe(3);

    hog.abort();
    expect(await Promise.all([first, second, third])).toEqual([200, 200, 200]);
    await hanging;
    const order = simulator.requests
      .map((request) => (request.body as { messages?: Array<{ content: string }> }).messages?.[0]?.content)
      .filter((content) => content !== 'hog');
    expect(order).toEqual(['enterprise', 'free 1', 'free 2']);
    expect(finished).toEqual(['enterprise', 'free 1', 'free 2']);
    await expect.poll(() => gate.running).toBe(0);
  });

  it('answers 503 gateway_saturated with retry-after when the wait runs out', async () => {
    const { gate } = running.gateway.tenancy;
    const hog = new AbortController();
    const hanging = chat(keys.premium, 'openai/sim-hang', 'hog', hog.signal).catch((error: unknown) => error);
    await expect.poll(() => gate.running).toBe(1);
    const waiting = chat(keys.free, 'openai/sim-instant', 'too late');
    await expect.poll(() => gate.waiting).toBe(1);
    await clock.advance(5000);
    const response = await waiting;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toMatchObject({
      error: { type: 'service_unavailable', code: 'gateway_saturated' },
    });
    hog.abort();
    await hanging;
    await expect.poll(() => gate.running).toBe(0);
  });
});
