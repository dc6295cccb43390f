import OpenAI, { type APIError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from './index.js';

const messages = [{ role: 'user' as const, content: 'Describe the harbour at dawn' }];
let simulator: Simulator | undefined;

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

const countTimers = () =>
  process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('createSimulator', () => {
  it('honours latency and time to first token, scaled by timeScale', async () => {
    simulator = await createSimulator({ timeScale: 0.05 });
    const client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-timing', maxRetries: 0 });
    const startedAt = performance.now();
    const stream = await client.chat.completions.create({ model: 'sim-slow', messages, stream: true });
    const headersAfter = performance.now() - startedAt;
    let firstTokenAfter: number | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) firstTokenAfter ??= performance.now() - startedAt;
    }
    // sim-slow: 200 ms to headers and 1300 ms more to the first token, ±10 %, × 0.05. Headers are
    // flushed at once, so the client sees them well before the first token.
    expect(headersAfter).toBeGreaterThanOrEqual(8);
    expect(firstTokenAfter).toBeGreaterThanOrEqual(64);
    expect(firstTokenAfter! - headersAfter).toBeGreaterThanOrEqual(30);
    expect(firstTokenAfter).toBeLessThan(1000);
  });

  it('uses configured profiles, and real-looking model ids follow sim-fast', async () => {
    simulator = await createSimulator({
      timeScale: 0,
      profiles: { 'sim-fast': { mode: 'down' }, 'my-model': { mode: 'rate-limited', retryAfterSeconds: 9 } },
    });
    const client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-profiles', maxRetries: 0 });
    const statusFor = (model: string) =>
      client.chat.completions.create({ model, messages }).then(
        () => 200,
        (error: APIError) => [error.status, error.headers?.get('retry-after')],
      );
    expect(await statusFor('gpt-4o-mini')).toEqual([503, null]);
    expect(await statusFor('my-model')).toEqual([429, '9']);
    expect(await statusFor('sim-instant')).toBe(200);
  });

  it('rejects invalid profiles before listening', async () => {
    await expect(createSimulator({ profiles: { 'sim-x': { errorRate: 2 } } })).rejects.toThrow(/errorRate/);
  });

  it('leaves no timer running after close, even with requests mid-stream', async () => {
    const timersBefore = countTimers();
    simulator = await createSimulator({ timeScale: 1 });
    const client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-leaks', maxRetries: 0 });
    const pending = [
      client.chat.completions.create({ model: 'sim-slow', messages }),
      client.chat.completions.create({ model: 'sim-hang', messages }),
      client.chat.completions.create({ model: 'sim-fast', messages, stream: true }).then(async (stream) => {
        for await (const chunk of stream) if (chunk.choices[0]?.delta.content) break;
      }),
    ].map((promise) => promise.catch((error: unknown) => error));
    while (simulator.stats().requests < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await simulator.close();
    await Promise.all(pending);
    expect(countTimers()).toBeLessThanOrEqual(timersBefore);
    expect(simulator.stats().openConnections).toBe(0);
  });

  it('reset clears requests and counters but keeps profiles', async () => {
    simulator = await createSimulator({ timeScale: 0 });
    simulator.setProfile('sim-custom', { mode: 'down' });
    const client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-reset', maxRetries: 0 });
    await client.chat.completions.create({ model: 'sim-custom', messages }).catch((error: unknown) => error);
    simulator.reset();
    expect(simulator.requests).toEqual([]);
    expect(simulator.stats()).toMatchObject({ requests: 0, abortedRequests: 0, byModel: {} });
    const error = (await client.chat.completions
      .create({ model: 'sim-custom', messages })
      .catch((caught: unknown) => caught)) as APIError;
    expect(error.status).toBe(503);
  });
});
