import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCost } from '../../src/accounting/compute-cost.js';
import { countChatTokens } from '../../src/accounting/count-chat-tokens.js';
import { createModelInfoLookup } from '../../src/accounting/get-model-info.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import type { convertUsageRecord } from '../../src/server/chat-service/convert-usage-to-json.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

interface ErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}
interface Totals {
  requests: number;
  errors: number;
  cost_estimate: number;
}
interface UsageBody {
  totals: Totals;
  by_model: Array<Totals & { model: string | null }>;
  by_provider: Array<Totals & { provider: string | null }>;
  by_key: Array<Totals & { key_id: string | null }>;
  by_day: Array<Totals & { day: string | null }>;
}
type UsageRecordJson = ReturnType<typeof convertUsageRecord>;
interface PageBody {
  data: UsageRecordJson[];
  next_cursor: string | null;
  has_more: boolean;
}

let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

const providers = (url: string) => ({
  GROQ_API_KEY: 'sim-groq-key',
  GROQ_BASE_URL: `${url}/openai/v1`,
  GROQ_MODEL: 'sim-fast',
  OPENAI_API_KEY: 'sim-openai-key',
  OPENAI_BASE_URL: `${url}/v1`,
  MAX_RETRY_ATTEMPTS: '0',
});

beforeAll(async () => {
  simulator = await createSimulator({ seed: 5, timeScale: 0.05 });
  running = await startGateway({ ...providers(simulator.url), LOG_REQUESTS: 'true' });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'unused', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

async function get<T>(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as T & ErrorBody };
}

describe('the usage log', () => {
  const ids: string[] = [];
  let expectedOpenAICost = 0;

  beforeAll(async () => {
    const price = createModelInfoLookup()('openai', 'gpt-4o-mini');
    const messages = [{ role: 'user' as const, content: 'Tell me about canals' }];
    for (let index = 0; index < 3; index++) {
      const { data, response } = await client.chat.completions
        .create({ model: 'openai/gpt-4o-mini', messages })
        .withResponse();
      ids.push(response.headers.get('x-request-id')!);
      expectedOpenAICost += computeCost(data.usage!, price);
    }
    for (let index = 0; index < 2; index++) {
      const { response } = await client.chat.completions
        .create({ model: 'groq/sim-fast', messages })
        .withResponse();
      ids.push(response.headers.get('x-request-id')!);
    }
    const { response } = await client.chat.completions
      .create({ model: 'groq/sim-fast', messages, stream: true, stream_options: { include_usage: true } })
      .withResponse();
    ids.push(response.headers.get('x-request-id')!);
    const failed = await client.chat.completions
      .create({ model: 'groq/sim-down', messages })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(OpenAI.APIError);
    ids.push((failed as InstanceType<typeof OpenAI.APIError>).headers!.get('x-request-id')!);
  });

  it('aggregates by model, provider, key and day, with the cost at the price table', async () => {
    const { body } = await get<UsageBody>(running.url, '/usage');
    expect(body.totals).toMatchObject({ requests: 7, errors: 1 });
    const byModel = new Map(body.by_model.map((group) => [group.model, group]));
    expect(byModel.get('openai/gpt-4o-mini')).toMatchObject({ requests: 3, errors: 0 });
    expect(byModel.get('openai/gpt-4o-mini')!.cost_estimate).toBeCloseTo(expectedOpenAICost, 9);
    expect(byModel.get('groq/sim-fast')).toMatchObject({ requests: 3, cost_estimate: 0 });
    expect(byModel.get('groq/sim-down')).toMatchObject({ requests: 1, errors: 1 });
    expect(body.by_provider.map((group) => group.provider)).toEqual(['groq', 'openai']);
    expect(body.by_key).toEqual([expect.objectContaining({ key_id: null, requests: 7 })]);
    expect(body.by_day).toEqual([
      expect.objectContaining({ day: new Date().toISOString().slice(0, 10), requests: 7 }),
    ]);
    expect(body.totals.cost_estimate).toBeCloseTo(expectedOpenAICost, 9);
  });

  it('filters by provider, model and time, and groups only as asked', async () => {
    const groq = await get<UsageBody>(running.url, '/usage?provider=groq&group_by=model');
    expect(groq.body.totals.requests).toBe(4);
    expect(Object.keys(groq.body).filter((key) => key.startsWith('by_'))).toEqual(['by_model']);
    expect((await get<UsageBody>(running.url, '/usage?model=openai/gpt-4o-mini')).body.totals.requests).toBe(
      3,
    );
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await get<UsageBody>(running.url, `/usage?from=${encodeURIComponent(future)}`)).body.totals.requests,
    ).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get<UsageBody>(running.url, `/usage?from=${today}&to=${today}`)).body.totals.requests).toBe(
      7,
    );
  });

  it('pages through every record, newest first, with a cursor', async () => {
    const first = await get<PageBody>(running.url, '/usage/requests?limit=4');
    expect(first.body.data).toHaveLength(4);
    expect(first.body.has_more).toBe(true);
    const second = await get<PageBody>(
      running.url,
      `/usage/requests?limit=4&cursor=${encodeURIComponent(first.body.next_cursor!)}`,
    );
    expect(second.body.data).toHaveLength(3);
    expect(second.body).toMatchObject({ next_cursor: null, has_more: false });
    const records = [...first.body.data, ...second.body.data];
    expect(records.map((record) => record.request_id).sort()).toEqual([...ids].sort());
    const times = records.map((record) => Date.parse(record.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('keeps each attempt, the tokens, the cost and, with LOG_REQUESTS on, the request body', async () => {
    const { body: record } = await get<UsageRecordJson>(running.url, `/usage/requests/${ids[0]}`);
    expect(record).toMatchObject({
      endpoint: '/v1/chat/completions',
      route: 'openai/gpt-4o-mini',
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 200,
      stream: false,
      cache_hit: false,
      token_source: 'provider',
      cost_known: true,
    });
    expect(record.attempts).toEqual([
      expect.objectContaining({
        provider: 'openai',
        model: 'gpt-4o-mini',
        outcome: 'success',
        ttft_ms: null,
      }),
    ]);
    expect(JSON.parse(record.request_body!)).toMatchObject({
      messages: [{ role: 'user', content: 'Tell me about canals' }],
    });
    expect(record.response_body).toBeUndefined();

    const { body: stream } = await get<UsageRecordJson>(running.url, `/usage/requests/${ids[5]}`);
    expect(stream).toMatchObject({ stream: true, token_source: 'provider' });
    expect(stream.completion_tokens).toBeGreaterThan(0);
    expect(stream.attempts[0]!.ttft_ms).toBeGreaterThanOrEqual(0);
    const { body: failed } = await get<UsageRecordJson>(running.url, `/usage/requests/${ids[6]}`);
    expect(failed).toMatchObject({
      status: 503,
      error_code: 'upstream_overloaded',
      route: 'groq/sim-down',
      token_source: 'none',
    });
    expect(failed.attempts[0]).toMatchObject({ outcome: 'overloaded', status: 503 });
    expect((await get<UsageRecordJson>(running.url, '/usage/requests/req_unknown')).status).toBe(404);
  });

  it('refuses bad queries with a 400 naming the parameter', async () => {
    for (const [query, param] of [
      ['group_by=week', 'group_by'],
      ['limit=0', 'limit'],
      ['limit=many', 'limit'],
      ['from=yesterday', 'from'],
      ['colour=blue', 'colour'],
    ]) {
      const { status, body } = await get<UsageBody>(running.url, `/usage?${query}`);
      expect(status).toBe(400);
      expect(body.error.param).toBe(param);
    }
    const cursor = await get<PageBody>(running.url, '/usage/requests?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('invalid_cursor');
  });
});

describe('token counting, other formats and body logging', () => {
  let other: RunningGateway;

  beforeAll(async () => {
    other = await startGateway({ ...providers(simulator.url), LOG_RESPONSES: 'true' });
  });

  afterAll(async () => {
    await other?.close();
  });

  it('counts the tokens of a cut stream with the tokenizer, and keeps the answer with LOG_RESPONSES on', async () => {
    const messages = [{ role: 'user' as const, content: 'Tell me a story' }];
    const response = await fetch(`${other.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/sim-cut', messages, stream: true }),
    });
    const text = await response.text();
    expect(text).toContain('"error"');
    const id = response.headers.get('x-request-id');
    const { body: record } = await get<UsageRecordJson>(other.url, `/usage/requests/${id}`);
    expect(record).toMatchObject({ token_source: 'estimated', stream: true });
    expect(record.status).toBeGreaterThanOrEqual(500);
    expect(record.prompt_tokens).toBe(await countChatTokens({ messages }));
    expect(record.completion_tokens).toBeGreaterThan(0);
    expect(record.response_body!.length).toBeGreaterThan(0);
    expect(record.request_body).toBeUndefined();
  });

  it('records Anthropic-format streams with the usage their events carried', async () => {
    const response = await fetch(`${other.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({
        model: 'openai/gpt-4o-mini',
        max_tokens: 50,
        stream: true,
        messages: [{ role: 'user', content: 'Say hello' }],
      }),
    });
    expect(await response.text()).toContain('message_stop');
    const { body: record } = await get<UsageRecordJson>(
      other.url,
      `/usage/requests/${response.headers.get('x-request-id')}`,
    );
    expect(record).toMatchObject({
      endpoint: '/v1/messages',
      stream: true,
      token_source: 'provider',
      cost_known: true,
    });
    expect(record.completion_tokens).toBeGreaterThan(0);
    expect(record.cost_estimate).toBeGreaterThan(0);
  });
});
