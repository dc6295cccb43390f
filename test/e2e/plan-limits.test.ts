import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCost } from '../../src/accounting/compute-cost.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { createFakeClock } from '../support/create-fake-clock.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** A fixed time, so windows and retry-after are exact: 40 minutes left in the hour, 9h40 in the day. */
const now = Date.parse('2026-03-10T14:20:00Z');
const adminKey = 'arb_admin_plan_limits_0000000001';
const keys = {
  free: 'arb_test_free_plan_key_000000001',
  freeAnthropic: 'arb_test_free_plan_key_000000002',
  tiny: 'arb_test_tiny_plan_key_000000001',
  premium: 'arb_test_premium_plan_key_00001',
};
const price = { input: 2, output: 8, contextWindow: 32_768 };

let simulator: Simulator;
let running: RunningGateway;
let freeRequestId: string;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 3, timeScale: 0.01 });
  running = await startGateway(
    {
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      OPENAI_MODEL: 'sim-instant',
      MAX_RETRY_ATTEMPTS: '0',
      LLM_AUTO_FALLBACK: 'false',
      FREE_REQUESTS_PER_HOUR: '60',
      ARBITER_API_KEYS: `${keys.free}:free,${keys.freeAnthropic}:free,${keys.tiny}:tiny,${keys.premium}:premium`,
      ARBITER_ADMIN_KEY: adminKey,
    },
    {
      clock: createFakeClock(now),
      configYaml: [
        'plans:',
        '  tiny: { tokensPerDay: 2000, priority: 1 }',
        'prices:',
        `  openai/priced-model: { input: ${price.input}, output: ${price.output} }`,
        'routes:',
        '  priced-route: openai/priced-model',
      ].join('\n'),
    },
  );
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

interface Answer {
  status: number;
  headers: Headers;
  body: {
    usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    error?: { message: string; type: string; code: string; param: string | null };
  };
}

async function chat(key: string, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Tell me about tides' }], ...body }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${running.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': adminKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, path).toBeLessThan(300);
  return (await response.json()) as T;
}

interface UsageBody {
  totals: { requests: number; errors: number };
  by_key: Array<{ key_id: string | null }>;
}

interface KeyUsage {
  requests_this_hour: number;
  tokens_today: number;
  cost_today_usd: number;
  cost_this_month_usd: number;
}
const usageOf = async (id: string) => (await admin<{ usage: KeyUsage }>('GET', `/admin/keys/${id}`)).usage;
const idOf = async (prefix: string) =>
  (await admin<{ data: Array<{ id: string; prefix: string }> }>('GET', '/admin/keys')).data.find((key) =>
    prefix.startsWith(key.prefix),
  )!.id;

describe('plan limits under concurrency', () => {
  it('admits exactly 60 of 200 simultaneous requests on a free key (60 per hour)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => chat(keys.free, { model: 'openai/sim-instant', max_tokens: 20 })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(60);
    freeRequestId = answers.find((answer) => answer.status === 200)!.headers.get('x-request-id')!;
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(140);
    expect(refused[0]!.body.error).toMatchObject({
      type: 'rate_limit_error',
      code: 'requests_per_hour_exceeded',
      message: expect.stringContaining('requests per hour of plan "free" (60)'),
    });
    expect(refused[0]!.headers.get('retry-after')).toBe(String(40 * 60));
    expect(refused[0]!.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(simulator.requests.filter((request) => request.path.endsWith('/chat/completions'))).toHaveLength(
      60,
    );
    expect((await usageOf(await idOf(keys.free))).requests_this_hour).toBe(60);
  });

  it('tells SDK callers which limit they hit, in their own format', async () => {
    const openai = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: keys.free, maxRetries: 0 });
    const refusal = await openai.chat.completions
      .create({ model: 'openai/sim-instant', messages: [{ role: 'user', content: 'Hi' }] })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
    expect((refusal as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('requests_per_hour_exceeded');

    const anthropic = new Anthropic({ baseURL: running.url, apiKey: keys.freeAnthropic, maxRetries: 0 });
    const accepted = await anthropic.messages.create({
      model: 'openai/sim-instant',
      max_tokens: 20,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(accepted.type).toBe('message');
    const denied = await anthropic.messages
      .create({ model: 'openai/priced-model', max_tokens: 20, messages: [{ role: 'user', content: 'Hi' }] })
      .catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect((denied as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      type: 'error',
      error: { type: 'permission_error', message: expect.stringContaining('is not allowed for plan "free"') },
    });
  });
});

describe('token reservation and settlement', () => {
  it('refuses a request whose estimate alone exceeds the daily tokens, before calling anyone', async () => {
    const before = simulator.requests.length;
    const answer = await chat(keys.tiny, { model: 'openai/sim-instant', max_tokens: 5000 });
    expect(answer.status).toBe(429);
    expect(answer.body.error).toMatchObject({
      code: 'tokens_per_day_exceeded',
      message: expect.stringContaining('more than the whole tokens per day of plan "tiny" (2000)'),
    });
    expect(simulator.requests.length).toBe(before);
  });

  it('settles each answer at the provider usage, and refuses once the estimate no longer fits', async () => {
    const id = await idOf(keys.tiny);
    let used = 0;
    for (let index = 0; index < 3; index++) {
      const answer = await chat(keys.tiny, { model: 'openai/sim-instant', max_tokens: 60 });
      expect(answer.status).toBe(200);
      used += answer.body.usage!.total_tokens;
      expect((await usageOf(id)).tokens_today).toBe(used);
    }
    expect(used).toBeGreaterThan(0);
    // Exactly what is left for the answer, plus the input's estimate: one token too many.
    const refused = await chat(keys.tiny, { model: 'openai/sim-instant', max_tokens: 2000 - used });
    expect(refused.status).toBe(429);
    expect(refused.body.error!.message).toMatch(/tokens per day of plan "tiny" \(2000\) \(\d+ left/);
    expect(refused.headers.get('retry-after')).toBe(String((9 * 60 + 40) * 60));
    expect((await usageOf(id)).tokens_today).toBe(used);
  });

  it('settles streams from their usage too', async () => {
    const created = await admin<{ id: string; key: string }>('POST', '/admin/keys', { plan: 'tiny' });
    const response = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.key}` },
      body: JSON.stringify({
        model: 'openai/sim-instant',
        max_tokens: 50,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'Tell me about tides' }],
      }),
    });
    const text = await response.text();
    const usageLine = text.split('\n').find((line) => line.includes('"usage":{'))!;
    const usage = (JSON.parse(usageLine.slice('data: '.length)) as { usage: { total_tokens: number } }).usage;
    await expect.poll(async () => (await usageOf(created.id)).tokens_today).toBe(usage.total_tokens);
  });
});

describe('budgets per key', () => {
  it('stops a key at its daily budget, having counted exactly what its answers cost', async () => {
    const created = await admin<{ id: string; key: string }>('POST', '/admin/keys', {
      plan: 'premium',
      budget_per_day_usd: 0.002,
    });
    let spent = 0;
    let answer: Answer;
    for (;;) {
      answer = await chat(created.key, { model: 'openai/priced-model', max_tokens: 40 });
      if (answer.status !== 200) break;
      spent += computeCost(answer.body.usage!, price);
    }
    expect(answer.status).toBe(429);
    expect(answer.body.error).toMatchObject({
      code: 'budget_per_day_exceeded',
      message: expect.stringContaining(`budget per day of key ${created.id} ($0.002)`),
    });
    const usage = await usageOf(created.id);
    expect(usage.cost_today_usd).toBeCloseTo(spent, 9);
    expect(usage.cost_today_usd).toBeLessThanOrEqual(0.002);
    expect(usage.cost_this_month_usd).toBeCloseTo(spent, 9);
    // Free models cost nothing: the same key still reaches them.
    expect((await chat(created.key, { model: 'openai/sim-instant', max_tokens: 20 })).status).toBe(200);
    // Other keys have budgets of their own.
    expect((await chat(keys.premium, { model: 'openai/priced-model', max_tokens: 20 })).status).toBe(200);
  });

  it('stops a key at its monthly budget, and a raised budget lets it go on', async () => {
    const created = await admin<{ id: string; key: string }>('POST', '/admin/keys', {
      plan: 'premium',
      budget_per_month_usd: 0.001,
    });
    let answer: Answer;
    do answer = await chat(created.key, { model: 'openai/priced-model', max_tokens: 40 });
    while (answer.status === 200);
    expect(answer.body.error).toMatchObject({
      code: 'budget_per_month_exceeded',
      message: expect.stringContaining(`budget per month of key ${created.id} ($0.001)`),
    });
    const resetInSeconds = (Date.parse('2026-04-01T00:00:00Z') - now) / 1000;
    expect(answer.headers.get('retry-after')).toBe(String(resetInSeconds));
    await admin('PATCH', `/admin/keys/${created.id}`, { budget_per_month_usd: 1 });
    expect((await chat(created.key, { model: 'openai/priced-model', max_tokens: 40 })).status).toBe(200);
  });
});

describe('allowed models', () => {
  it('keeps free keys on cheap models, fallbacks included, and names what is allowed', async () => {
    const priced = await chat(keys.premium, { model: 'openai/priced-model', max_tokens: 10 });
    expect(priced.status).toBe(200);
    const created = await admin<{ key: string }>('POST', '/admin/keys', { plan: 'free' });
    const refused = await chat(created.key, { model: 'openai/priced-model' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      type: 'permission_error',
      code: 'model_not_allowed',
      param: 'model',
      message: expect.stringContaining('models priced at most $0.5 per million input tokens'),
    });
    const unknownPrice = await chat(created.key, { model: 'openai/mystery-model' });
    expect(unknownPrice.body.error?.code).toBe('model_not_allowed');
    const viaFallback = await chat(created.key, { model: 'openai/sim-instant', fallbacks: ['priced-route'] });
    expect(viaFallback.body.error?.message).toContain('(through "priced-route")');
    expect((await chat(created.key, { model: 'openai/sim-instant', max_tokens: 10 })).status).toBe(200);
  });

  it('lets a key list its own routes and patterns instead of its plan models', async () => {
    const created = await admin<{ key: string }>('POST', '/admin/keys', {
      plan: 'free',
      allowed_models: ['priced-route', 'openai/sim-*'],
    });
    expect((await chat(created.key, { model: 'priced-route', max_tokens: 10 })).status).toBe(200);
    expect((await chat(created.key, { model: 'openai/sim-instant', max_tokens: 10 })).status).toBe(200);
    const refused = await chat(created.key, { model: 'openai/priced-model' });
    expect(refused.body.error?.message).toContain('allowed for key');
  });

  it('lists in /v1/models only what the key may use', async () => {
    const listed = async (key: string) => {
      const response = await fetch(`${running.url}/v1/models`, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: Array<{ id: string }> }).data.map((model) => model.id);
    };
    const free = await admin<{ key: string }>('POST', '/admin/keys', { plan: 'free' });
    const patterned = await admin<{ key: string }>('POST', '/admin/keys', {
      plan: 'free',
      allowed_models: ['priced-route', 'openai/sim-*'],
    });
    const everything = await listed(keys.premium);
    expect(everything).toEqual(expect.arrayContaining(['priced-route', 'openai/sim-instant']));
    const cheapOnly = await listed(free.key);
    expect(cheapOnly).toContain('openai/sim-instant');
    expect(cheapOnly).not.toContain('priced-route');
    expect(cheapOnly.length).toBeLessThan(everything.length);
    // A listed model is one the key can call.
    for (const id of cheapOnly.filter((model) => model.startsWith('openai/sim-instant')))
      expect((await chat(free.key, { model: id, max_tokens: 5 })).status).toBe(200);
    expect(await listed(patterned.key)).toEqual(
      expect.arrayContaining(['priced-route', 'openai/sim-instant']),
    );
    const hidden = await fetch(`${running.url}/v1/models/priced-route`, {
      headers: { authorization: `Bearer ${free.key}` },
    });
    expect(hidden.status).toBe(404);
  });

  it('records every request, refused ones included, under its key id, and shows a key only its own', async () => {
    const freeId = await idOf(keys.free);
    const read = async (key: string, path: string) => {
      const response = await fetch(`${running.url}${path}`, { headers: { 'x-api-key': key } });
      return { status: response.status, body: (await response.json()) as UsageBody };
    };
    const own = await read(keys.free, '/usage?group_by=key');
    expect(own.body.totals).toMatchObject({ requests: 201, errors: 141 });
    expect(own.body.by_key.map((group) => group.key_id)).toEqual([freeId]);
    const other = await read(keys.premium, `/usage?group_by=key&key_id=${freeId}`);
    expect(other.body.by_key.map((group) => group.key_id)).not.toContain(freeId);
    expect((await read(keys.free, `/usage/requests/${freeRequestId}`)).status).toBe(200);
    expect((await read(keys.premium, `/usage/requests/${freeRequestId}`)).status).toBe(404);
  });
});
