import OpenAI, { APIUserAbortError, type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.02 });
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-failures-test', maxRetries: 0 });
});
afterAll(() => simulator.close());

const messages = [{ role: 'user' as const, content: 'Summarise the quarterly budget review' }];

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return error instanceof OpenAI.APIError ? error.status : undefined;
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('failure behaviours chosen by model name', () => {
  it('sim-flaky fails about 30 % of requests with 500, in the same sequence for the same seed', async () => {
    const runSequence = async (seed: number): Promise<number[]> => {
      const flaky = await createSimulator({ seed, timeScale: 0 });
      const flakyClient = new OpenAI({ baseURL: `${flaky.url}/v1`, apiKey: 'sk-flaky', maxRetries: 0 });
      const statuses: number[] = [];
      for (let index = 0; index < 200; index++) {
        statuses.push(
          (await statusOf(flakyClient.chat.completions.create({ model: 'sim-flaky', messages }))) ?? 0,
        );
      }
      await flaky.close();
      return statuses;
    };
    const first = await runSequence(7);
    const failures = first.filter((status) => status === 500).length;
    expect(first.every((status) => status === 200 || status === 500)).toBe(true);
    expect(failures).toBeGreaterThanOrEqual(45);
    expect(failures).toBeLessThanOrEqual(75);
    expect(await runSequence(7)).toEqual(first);
    expect(await runSequence(8)).not.toEqual(first);
  });

  it('sim-down answers 503 with an OpenAI server_error body', async () => {
    const error = await client.chat.completions
      .create({ model: 'sim-down', messages })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as APIError).status).toBe(503);
    expect((error as APIError).type).toBe('server_error');
  });

  it('sim-429 answers 429 with retry-after and x-ratelimit-* headers', async () => {
    const error = (await client.chat.completions
      .create({ model: 'sim-429', messages })
      .catch((caught: unknown) => caught)) as APIError;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.code).toBe('rate_limit_exceeded');
    const headers = error.headers!;
    expect(headers.get('retry-after')).toBe('1');
    expect(headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(headers.get('x-ratelimit-reset-requests')).toBe('1s');
    for (const name of ['limit-requests', 'limit-tokens', 'remaining-tokens', 'reset-tokens']) {
      expect(headers.get(`x-ratelimit-${name}`)).not.toBeNull();
    }
  });

  it('sim-cut drops the stream after 3 content chunks, without [DONE]', async () => {
    const stream = await client.chat.completions.create({ model: 'sim-cut', messages, stream: true });
    const contents: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream)
        if (chunk.choices[0]?.delta.content) contents.push(chunk.choices[0].delta.content);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(contents).toHaveLength(3);
  });

  it('sim-cut destroys a non-stream response before its body is complete', async () => {
    expect(await statusOf(client.chat.completions.create({ model: 'sim-cut', messages }))).toBeUndefined();
  });

  it('sim-hang never answers; a client abort closes the connection and counts as aborted', async () => {
    const hanging = await createSimulator({ timeScale: 0.02 });
    const hangingClient = new OpenAI({ baseURL: `${hanging.url}/v1`, apiKey: 'sk-hang', maxRetries: 0 });
    const controller = new AbortController();
    const pending = hangingClient.chat.completions.create(
      { model: 'sim-hang', messages },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toThrow(APIUserAbortError);
    // The connection that carried the hung request is closed (undici may open a fresh idle one).
    const closedConnections = () => hanging.stats().totalConnections - hanging.stats().openConnections;
    await waitFor(() => closedConnections() === 1 && hanging.stats().abortedRequests === 1);
    expect(hanging.stats()).toMatchObject({ requests: 1, abortedRequests: 1, byModel: { 'sim-hang': 1 } });
    await hanging.close();
  });

  it('keys select auth, quota and rate-limit failures so key pools can be exercised', async () => {
    const withKey = (apiKey: string) =>
      new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey, maxRetries: 0 }).chat.completions
        .create({ model: 'sim-fast', messages })
        .catch((caught: unknown) => caught as APIError);
    const invalid = (await withKey('sk-invalid-abcdefghijklmnop')) as APIError;
    expect(invalid).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(invalid.message).toContain(`Incorrect API key provided: sk-${'*'.repeat(20)}mnop.`);
    expect(invalid.message).not.toContain('invalid-abc');
    const quota = (await withKey('sk-quota-1')) as APIError;
    expect([quota.status, quota.code, quota.headers?.get('retry-after')]).toEqual([
      429,
      'insufficient_quota',
      null,
    ]);
    const limited = (await withKey('sk-ratelimited-1')) as APIError;
    expect([limited.status, limited.code, limited.headers?.get('retry-after')]).toEqual([
      429,
      'rate_limit_exceeded',
      '1',
    ]);
    const models = await fetch(`${simulator.url}/v1/models`);
    expect(models.status).toBe(401);
  });

  it('setProfile changes a behaviour at runtime, and the control API does it from outside', async () => {
    const isolated = await createSimulator({ timeScale: 0 });
    const isolatedClient = new OpenAI({ baseURL: `${isolated.url}/v1`, apiKey: 'sk-profile', maxRetries: 0 });
    const ask = () => statusOf(isolatedClient.chat.completions.create({ model: 'gpt-4o-mini', messages }));
    expect(await ask()).toBe(200);
    isolated.setProfile('gpt-4o-mini', { mode: 'down' });
    expect(await ask()).toBe(503);
    const put = await fetch(`${isolated.url}/_simulator/profiles/gpt-4o-mini`, {
      method: 'PUT',
      body: JSON.stringify({ mode: 'normal', errorRate: 1, errorStatus: 429 }),
    });
    expect(put.status).toBe(200);
    expect(await ask()).toBe(429);
    const rejected = await fetch(`${isolated.url}/_simulator/profiles/gpt-4o-mini`, {
      method: 'PUT',
      body: JSON.stringify({ jitter: 3 }),
    });
    expect(rejected.status).toBe(400);
    expect(await rejected.text()).toContain('field \\"jitter\\" must be a number between 0 and 1');
    const stats = (await (await fetch(`${isolated.url}/_simulator/stats`)).json()) as { requests: number };
    expect(stats.requests).toBe(3);
    expect(() => isolated.setProfile('sim-fast', { mode: 'sideways' as 'normal' })).toThrow(/field "mode"/);
    await isolated.close();
  });

  it('close() ends hung requests and destroys every socket', async () => {
    const closing = await createSimulator({ timeScale: 0.02 });
    const closingClient = new OpenAI({ baseURL: `${closing.url}/v1`, apiKey: 'sk-close', maxRetries: 0 });
    const hung = closingClient.chat.completions
      .create({ model: 'sim-hang', messages })
      .catch((caught: unknown) => caught);
    const slow = closingClient.chat.completions
      .create({ model: 'sim-slow', messages })
      .catch((caught: unknown) => caught);
    await waitFor(() => closing.stats().requests === 2);
    await closing.close();
    expect(await hung).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(await slow).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(closing.stats().openConnections).toBe(0);
  });
});
