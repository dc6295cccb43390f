import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

// The learned selector, /feedback and /performance through the real server, with the simulator as the
// upstreams and the official OpenAI SDK as the caller.

interface PerformanceRow {
  target: string;
  provider: string;
  model: string;
  key_id: string;
  requests: number;
  successes: number;
  failures: number;
  success_rate: number | null;
  latency_ms: { average: number | null; p95: number | null };
  ttft_ms: { average: number | null; p95: number | null };
  tokens: { input: number; output: number };
  quality: number | null;
  quality_signals: number;
  score: number;
  terms: { reliability: number; speed: number; quality: number; recency: number };
  competition: { wins: number; entries: number };
}
interface PerformanceBody {
  route: string | null;
  weights: Record<string, number>;
  half_life_minutes: number;
  targets: PerformanceRow[];
  providers: Record<string, { requests: number; success_rate: number | null }>;
}
interface ErrorBody {
  error: { message: string; code: string | null; param: string | null };
}

let simulator: Simulator;

const configYaml = `
routes:
  learned-route:
    selector: learned
    targets: [groq/slow-model, openai/fast-model]
`;

/** groq serves a slow and somewhat flaky model, openai a fast and reliable one. */
const providers = () => ({
  GROQ_API_KEY: 'sim-groq-key',
  GROQ_BASE_URL: `${simulator.url}/openai/v1`,
  GROQ_MODEL: 'slow-model',
  OPENAI_API_KEY: 'sim-openai-key',
  OPENAI_BASE_URL: `${simulator.url}/v1`,
  OPENAI_MODEL: 'fast-model',
  DEFAULT_MODEL_PROVIDER: 'groq',
  MAX_RETRY_ATTEMPTS: '0',
});

beforeAll(async () => {
  simulator = await createSimulator({ seed: 9, timeScale: 0.02 });
  simulator.setProfile('slow-model', { latencyInMs: 1_500, ttftInMs: 500, jitter: 0, errorRate: 0.2 });
  simulator.setProfile('fast-model', { latencyInMs: 50, ttftInMs: 20, jitter: 0 });
});

afterAll(async () => {
  await simulator?.close();
});

async function getJson<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The model that answered each of `count` sequential requests to `model`. */
async function answeringModels(client: OpenAI, model: string, count: number): Promise<string[]> {
  const models: string[] = [];
  for (let index = 0; index < count; index++) {
    const { response } = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: `question ${index}` }] })
      .withResponse();
    models.push(response.headers.get('x-arbiter-model') ?? '');
  }
  return models;
}

describe('learning through the real server', () => {
  let running: RunningGateway;
  let client: OpenAI;

  beforeAll(async () => {
    running = await startGateway({ ...providers(), LEARNING_AUTO: 'true' }, { configYaml });
    client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('selector: learned moves traffic from a slow, flaky target to the good one', async () => {
    const models = await answeringModels(client, 'learned-route', 40);
    const lastTwenty = models.slice(-20);
    expect(lastTwenty.filter((model) => model === 'fast-model').length).toBeGreaterThanOrEqual(16);

    const performance = await getJson<PerformanceBody>(`${running.url}/performance?route=learned-route`);
    expect(performance.route).toBe('learned-route');
    const [best, worst] = performance.targets;
    expect(best).toMatchObject({ provider: 'openai', model: 'fast-model', success_rate: 1 });
    expect(worst).toMatchObject({ provider: 'groq', model: 'slow-model' });
    expect(best!.score).toBeGreaterThan(worst!.score);
    expect(best!.requests).toBeGreaterThan(worst!.requests);
    expect(best!.terms.speed).toBe(1);
    if (worst!.latency_ms.average !== null)
      expect(worst!.latency_ms.average).toBeGreaterThan(best!.latency_ms.average!);
    expect(best!.latency_ms.p95).toBeGreaterThan(0);
    expect(best!.tokens.output).toBeGreaterThan(0);
  });

  it('LEARNING_AUTO orders `auto` by what was learned instead of the default provider first', async () => {
    const models = await answeringModels(client, 'auto', 20);
    expect(models.slice(-10).filter((model) => model === 'fast-model').length).toBeGreaterThanOrEqual(8);
    const performance = await getJson<PerformanceBody>(`${running.url}/performance?route=auto`);
    expect(performance.targets.map((row) => row.model).sort()).toEqual(['fast-model', 'slow-model']);
  });

  it('/feedback attaches a user verdict to the target that answered, by the SDK’s request id', async () => {
    const completion = await client.chat.completions.create({
      model: 'openai/fast-model',
      messages: [{ role: 'user', content: 'rate me' }],
    });
    const requestId = completion._request_id!;
    expect(requestId).toMatch(/^req_/);

    const down = await postJson<Record<string, unknown>>(`${running.url}/feedback`, {
      request_id: requestId,
      thumbs: 'down',
      comment: 'Wrong capital city.',
    });
    expect(down.status).toBe(200);
    expect(down.body).toEqual({
      request_id: requestId,
      target: expect.stringMatching(/^openai\/fast-model@openai#/),
      score: 0,
      recorded: true,
    });
    const quality = async () =>
      (await getJson<PerformanceBody>(`${running.url}/performance?model=openai/fast-model`)).targets[0]!;
    expect(await quality()).toMatchObject({ quality: 0.3333, quality_signals: 1 });

    // A changed vote replaces the first one in what is learned; both stay stored.
    const up = await postJson(`${running.url}/feedback`, { request_id: requestId, score: 1 });
    expect(up.status).toBe(200);
    expect(await quality()).toMatchObject({ quality: 0.6667, quality_signals: 1 });
    const stored = await getJson<{ data: Array<Record<string, unknown>> }>(
      `${running.url}/feedback?request_id=${requestId}`,
    );
    expect(stored.data.map((record) => [record.score, record.thumbs, record.comment])).toEqual([
      [0, 'down', 'Wrong capital city.'],
      [1, null, null],
    ]);
    const recent = await getJson<{ data: Array<{ request_id: string }> }>(`${running.url}/feedback?limit=1`);
    expect(recent.data.map((record) => record.request_id)).toEqual([requestId]);
  });

  it('/feedback answers clear errors', async () => {
    const feedback = (body: unknown) => postJson<ErrorBody>(`${running.url}/feedback`, body);
    const unknown = await feedback({ request_id: 'req_nope', score: 0.5 });
    expect(unknown).toMatchObject({
      status: 404,
      body: { error: { code: 'request_not_found', param: 'request_id' } },
    });
    const both = await feedback({ request_id: 'req_x', score: 1, thumbs: 'up' });
    expect(both).toMatchObject({ status: 400, body: { error: { code: 'invalid_value', param: 'thumbs' } } });
    const neither = await feedback({ request_id: 'req_x' });
    expect(neither).toMatchObject({ status: 400, body: { error: { code: 'missing_required_parameter' } } });
    const outOfRange = await feedback({ request_id: 'req_x', score: 1.5 });
    expect(outOfRange).toMatchObject({
      status: 400,
      body: { error: { code: 'value_above_maximum', param: 'score' } },
    });
    const badThumbs = await feedback({ request_id: 'req_x', thumbs: 'sideways' });
    expect(badThumbs).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_value', param: 'thumbs' } },
    });
    const typo = await feedback({ request_id: 'req_x', scor: 1 });
    expect(typo).toMatchObject({
      status: 400,
      body: { error: { code: 'unknown_parameter', param: 'scor' } },
    });
    const noId = await feedback({ score: 1 });
    expect(noId).toMatchObject({
      status: 400,
      body: { error: { code: 'missing_required_parameter', param: 'request_id' } },
    });
  });

  it('/feedback refuses a request no target answered', async () => {
    const failed = (await client.chat.completions
      .create({ model: 'openai/sim-down', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(failed).toBeInstanceOf(OpenAI.APIError);
    const answer = await postJson<ErrorBody>(`${running.url}/feedback`, {
      request_id: failed.requestID,
      thumbs: 'up',
    });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'request_not_answered' } } });
  });

  it('/performance covers streams, filters, and refuses unknown routes and parameters', async () => {
    const stream = await client.chat.completions.create({
      model: 'openai/fast-model',
      messages: [{ role: 'user', content: 'stream please' }],
      stream: true,
    });
    for await (const chunk of stream) expect(chunk.object).toBe('chat.completion.chunk');
    const body = await getJson<PerformanceBody>(`${running.url}/performance?provider=openai&stream=true`);
    expect(new Set(body.targets.map((row) => row.provider))).toEqual(new Set(['openai']));
    const fast = body.targets.find((row) => row.model === 'fast-model')!;
    expect(fast.ttft_ms.average).toBeGreaterThan(0);
    expect(body.providers.openai!.requests).toBe(body.targets.reduce((sum, row) => sum + row.requests, 0));
    const byModel = await getJson<PerformanceBody>(`${running.url}/performance?model=openai/fast-model`);
    expect(byModel.targets.map((row) => row.target)).toEqual([fast.target]);
    expect(body.weights).toEqual({ reliability: 0.4, speed: 0.3, quality: 0.2, recency: 0.1 });
    expect(body.half_life_minutes).toBe(60);

    const unknownRoute = await fetch(`${running.url}/performance?route=no-such-route`);
    expect(unknownRoute.status).toBe(404);
    const unknownParameter = await fetch(`${running.url}/performance?sort=score`);
    expect(unknownParameter.status).toBe(400);
    expect(((await unknownParameter.json()) as ErrorBody).error.param).toBe('sort');
  });
});

describe('learning across a restart (SQLite)', () => {
  it('keeps learned statistics and feedback', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'arbiter-learning-restart-'));
    const env = { ...providers(), ARBITER_STORE: 'sqlite', ARBITER_DATA_DIR: dataDir };
    const first = await startGateway(env, { configYaml });
    const client = new OpenAI({ baseURL: `${first.url}/v1`, apiKey: 'caller', maxRetries: 0 });
    await answeringModels(client, 'learned-route', 6);
    const completion = await client.chat.completions.create({
      model: 'learned-route',
      messages: [{ role: 'user', content: 'remember me' }],
    });
    const verdict = await postJson<{ target: string }>(`${first.url}/feedback`, {
      request_id: completion._request_id,
      score: 0.8,
      comment: 'Good.',
    });
    const before = await getJson<PerformanceBody>(`${first.url}/performance?route=learned-route`);
    await first.close();

    const second = await startGateway(env, { configYaml });
    try {
      const after = await getJson<PerformanceBody>(`${second.url}/performance?route=learned-route`);
      const summary = (body: PerformanceBody) =>
        body.targets
          .map((row) => [
            row.target,
            row.requests,
            row.successes,
            row.failures,
            row.quality,
            row.quality_signals,
          ])
          .sort();
      expect(summary(after)).toEqual(summary(before));
      expect(after.targets.reduce((sum, row) => sum + row.requests, 0)).toBeGreaterThanOrEqual(7);
      expect(after.targets.find((row) => row.target === verdict.body.target)!.quality_signals).toBe(1);
      const stored = await getJson<{ data: Array<{ comment: string }> }>(
        `${second.url}/feedback?request_id=${completion._request_id}`,
      );
      expect(stored.data.map((record) => record.comment)).toEqual(['Good.']);
    } finally {
      await second.close();
    }
  });
});
