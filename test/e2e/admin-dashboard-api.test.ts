import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { usageLatencyBoundsInMs } from '../../src/store/usage-store.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * The dashboard's data API through the real server and the simulator: the overview, provider cards and
 * key table after a scripted run (successes, a `sim-down` failure, a request no provider serves, a
 * cost), who may read them (open without gateway keys, the admin key once any exists), and the arena's
 * live SSE stream with votes on its contenders through `/feedback`.
 */
const adminKey = 'arb_admin_dashboard_api_test_0001';
const listedKey = 'arb_test_dashboard_listed_key_0001';

let simulator: Simulator;
let open: RunningGateway;
let guarded: RunningGateway;

const providers = (url: string) => ({
  OPENAI_API_KEY: 'sim-openai-dashboard-secret',
  OPENAI_BASE_URL: `${url}/v1`,
  OPENAI_MODEL: 'gpt-4o-mini',
  GROQ_API_KEY: 'sim-groq-dashboard-secret',
  GROQ_BASE_URL: `${url}/openai/v1`,
  GROQ_MODEL: 'sim-fast',
  MAX_RETRY_ATTEMPTS: '0',
});

beforeAll(async () => {
  simulator = await createSimulator({ seed: 11, timeScale: 0.1 });
  // Content from the first byte on; `arena-slow` starts answering only after `arena-fast` is done.
  simulator.setProfile('arena-fast', { latencyInMs: 10, ttftInMs: 10, tokensPerSecond: 400, jitter: 0 });
  simulator.setProfile('arena-slow', { latencyInMs: 2000, ttftInMs: 10, tokensPerSecond: 400, jitter: 0 });
  simulator.setProfile('arena-hang', { latencyInMs: 10, mode: 'hang' });
  open = await startGateway({ ...providers(simulator.url), ARBITER_MAX_MESSAGES: '3' });
  guarded = await startGateway({
    ...providers(simulator.url),
    ARBITER_ADMIN_KEY: adminKey,
    ARBITER_API_KEYS: `${listedKey}:premium`,
  });
  const client = new OpenAI({ baseURL: `${open.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const ask = (model: string) =>
    client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi there' }] });
  await ask('openai/gpt-4o-mini');
  await ask('openai/gpt-4o-mini');
  await ask('groq/sim-fast');
  await expect(ask('groq/sim-down')).rejects.toThrow();
  await expect(ask('nobody/serves-this')).rejects.toThrow();
});

afterAll(async () => {
  await open?.close();
  await guarded?.close();
  await simulator?.close();
});

async function getJson<T>(running: RunningGateway, path: string, key?: string) {
  const response = await fetch(`${running.url}${path}`, {
    headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
  });
  return { status: response.status, text: await response.clone().text(), body: (await response.json()) as T };
}

interface Point {
  t: number;
  requests: number;
  errors: number;
  p50_ms: number | null;
  p99_ms: number | null;
  cost_usd: number;
}
interface Overview {
  window: string;
  bucket_ms: number;
  from: number;
  to: number;
  totals: Record<string, number | null>;
  series: Array<{ provider: string; points: Point[] }>;
}

describe('GET /admin/overview', () => {
  it('totals the window and gives every provider every bucket, oldest first', async () => {
    const { status, body } = await getJson<Overview>(open, '/admin/overview');
    expect(status).toBe(200);
    expect(body).toMatchObject({ window: '24h', bucket_ms: 900_000 });
    expect(body.to - body.from).toBe(86_400_000);
    expect(body.to).toBeGreaterThan(Date.now());
    expect(body.totals).toEqual({
      requests: 5,
      errors: 2,
      success_rate: 0.6,
      p50_ms: expect.any(Number),
      p99_ms: expect.any(Number),
      cost_usd: expect.any(Number),
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
    });
    expect(body.totals.cost_usd).toBeGreaterThan(0);
    expect(body.totals.p99_ms).toBeGreaterThanOrEqual(body.totals.p50_ms!);
    expect(body.totals.p99_ms).toBeLessThanOrEqual(usageLatencyBoundsInMs.at(-1)!);
    const byProvider = new Map(body.series.map((entry) => [entry.provider, entry.points]));
    expect([...byProvider.keys()]).toEqual(['openai', 'groq', 'none']);
    for (const points of byProvider.values()) {
      expect(points).toHaveLength(96);
      expect(points.map((point) => point.t)).toEqual(
        Array.from({ length: 96 }, (_, index) => body.from + index * 900_000),
      );
    }
    const sum = (provider: string, pick: (point: Point) => number) =>
      byProvider.get(provider)!.reduce((total, point) => total + pick(point), 0);
    expect([sum('openai', (p) => p.requests), sum('groq', (p) => p.requests)]).toEqual([2, 2]);
    expect([sum('groq', (p) => p.errors), sum('none', (p) => p.errors)]).toEqual([1, 1]);
    expect(sum('openai', (p) => p.cost_usd)).toBeCloseTo(body.totals.cost_usd!, 9);
    const empty = byProvider.get('openai')!.find((point) => point.requests === 0)!;
    expect(empty).toMatchObject({ errors: 0, p50_ms: null, p99_ms: null, cost_usd: 0 });
  });

  it('offers the 1h window in minutes and names an unknown window', async () => {
    const hour = await getJson<Overview>(open, '/admin/overview?window=1h');
    expect(hour.body).toMatchObject({ window: '1h', bucket_ms: 60_000 });
    expect(hour.body.series[0]!.points).toHaveLength(60);
    expect(hour.body.totals.requests).toBe(5);
    const wrong = await getJson<{ error: { param: string; code: string } }>(
      open,
      '/admin/overview?window=2h',
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ param: 'window', code: 'invalid_value' });
  });
});

interface TargetCard {
  target: string;
  model: string;
  circuit: Record<string, unknown>;
  successes: number;
  failures: number;
  latency_ms: Record<string, number | null>;
  latency_histogram: { bounds_ms: number[]; counts: number[] };
  ttft_histogram: { bounds_ms: number[]; counts: number[] };
  learned: { score: number | null; terms: Record<string, number | null>; evidence: number };
}
interface ProviderCard {
  provider: string;
  configured: boolean;
  status: string;
  targets: TargetCard[];
  keys: Array<{ id: string; state: string; until: number | null; status: number | null }>;
}

describe('GET /admin/providers', () => {
  it("shows each configured provider's models, breakers, timings, learned score and keys by id", async () => {
    const { status, text, body } = await getJson<{ providers: ProviderCard[] }>(open, '/admin/providers');
    expect(status).toBe(200);
    expect(text).not.toContain('dashboard-secret');
    const openai = body.providers.find((card) => card.provider === 'openai')!;
    expect(openai).toMatchObject({ configured: true, status: 'online' });
    expect(openai.keys).toEqual([
      { id: expect.stringMatching(/^openai#/), state: 'available', until: null, status: null },
    ]);
    const mini = openai.targets.find((target) => target.target === 'openai/gpt-4o-mini')!;
    expect(mini).toMatchObject({
      model: 'gpt-4o-mini',
      circuit: { state: 'closed', opened_at: null, probe_at: null, error_rate: 0, consecutive_failures: 0 },
      in_flight: 0,
      successes: 2,
      failures: 0,
      latency_ms: { avg: expect.any(Number), p50: expect.any(Number), p90: expect.any(Number) },
      ttft_ms: { avg: null, p50: null, p90: null },
      learned: { score: expect.any(Number), evidence: 2 },
    });
    expect(mini.latency_histogram.bounds_ms).toEqual([50, 100, 250, 500, 1000, 2000, 4000, 8000]);
    expect(mini.latency_histogram.counts).toHaveLength(9);
    expect(mini.latency_histogram.counts.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(mini.ttft_histogram.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const groq = body.providers.find((card) => card.provider === 'groq')!;
    const down = groq.targets.find((target) => target.target === 'groq/sim-down')!;
    expect(down).toMatchObject({ successes: 0, failures: 1 });
    expect(down.circuit.consecutive_failures).toBe(1);
    expect(body.providers.find((card) => card.provider === 'anthropic')).toEqual({
      provider: 'anthropic',
      configured: false,
      status: 'offline',
      targets: [],
      keys: [],
    });
  });
});

interface KeyRow {
  id: string;
  prefix: string;
  plan: string;
  revoked: boolean;
  limits: Record<string, number | null>;
  used: Record<string, number>;
  reset_at: { hour: number; day: number; month: number };
  cost_usd_30d: number;
  requests_30d: number;
}

describe('GET /admin/usage/keys and who may read the dashboard', () => {
  const dashboardReads = ['/admin/overview', '/admin/providers', '/admin/usage/keys'];

  it('is open while the gateway has no gateway key', async () => {
    for (const path of dashboardReads) expect((await getJson(open, path)).status, path).toBe(200);
    expect((await getJson<{ keys: KeyRow[] }>(open, '/admin/usage/keys')).body).toEqual({ keys: [] });
  });

  it('wants the admin key once keys exist: 401 without it or with a gateway key', async () => {
    for (const path of [...dashboardReads, '/admin/arena']) {
      const method = path === '/admin/arena' ? 'POST' : 'GET';
      const anonymous = await fetch(`${guarded.url}${path}`, { method });
      expect(anonymous.status, path).toBe(401);
      const asKey = await fetch(`${guarded.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${listedKey}` },
      });
      expect(asKey.status, path).toBe(401);
    }
    for (const path of dashboardReads)
      expect((await getJson(guarded, path, adminKey)).status, path).toBe(200);
  });

  it("lists every key's limits, current use, resets and last 30 days, never the key", async () => {
    const created = await fetch(`${guarded.url}/admin/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'team', plan: 'free', budget_per_day_usd: 2 }),
    });
    const createdKey = (await created.json()) as { id: string; key: string };
    const client = new OpenAI({ baseURL: `${guarded.url}/v1`, apiKey: listedKey, maxRetries: 0 });
    await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Count to three' }],
    });
    const { text, body } = await getJson<{ keys: KeyRow[] }>(guarded, '/admin/usage/keys', adminKey);
    expect(text).not.toContain(listedKey);
    expect(text).not.toContain(createdKey.key);
    const listed = body.keys.find((row) => row.plan === 'premium')!;
    expect(listed).toMatchObject({
      id: expect.any(String),
      prefix: expect.any(String),
      revoked: false,
      used: { requests_hour: 1, tokens_day: expect.any(Number), usd_day: expect.any(Number) },
      requests_30d: 1,
    });
    expect(listed.used.tokens_day).toBeGreaterThan(0);
    expect(listed.cost_usd_30d).toBeCloseTo(listed.used.usd_day ?? Number.NaN, 9);
    expect(listed.cost_usd_30d).toBeGreaterThan(0);
    const team = body.keys.find((row) => row.id === createdKey.id)!;
    expect(team).toMatchObject({
      name: 'team',
      plan: 'free',
      limits: { budget_per_day_usd: 2, budget_per_month_usd: null },
      used: { requests_hour: 0, tokens_day: 0, usd_day: 0, usd_month: 0 },
      cost_usd_30d: 0,
      requests_30d: 0,
    });
    expect(team.limits.requests_per_hour).toEqual(expect.any(Number));
    const now = Date.now();
    expect(team.reset_at.hour).toBe(Math.floor(now / 3_600_000) * 3_600_000 + 3_600_000);
    expect(team.reset_at.day).toBe(Math.floor(now / 86_400_000) * 86_400_000 + 86_400_000);
    expect(team.reset_at.month).toBeGreaterThanOrEqual(team.reset_at.day);
  });
});

interface ArenaEvent {
  event: string;
  data: Record<string, unknown>;
}

/** The SSE events of a response, as they are parsed. */
async function* readEvents(response: Response): AsyncGenerator<ArenaEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      yield { event: field('event')!, data: JSON.parse(field('data')!) as Record<string, unknown> };
    }
  }
}

const arena = (body: unknown, signal?: AbortSignal) =>
  fetch(`${open.url}/admin/arena`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });

async function collectArena(body: unknown): Promise<ArenaEvent[]> {
  const response = await arena(body);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: ArenaEvent[] = [];
  for await (const event of readEvents(response)) events.push(event);
  return events;
}

describe('POST /admin/arena', () => {
  it('streams each contender live, then the verdict; each contender can be voted on', async () => {
    const events = await collectArena({
      prompt: 'Name a sea creature',
      contenders: ['openai/arena-fast', 'groq/arena-slow'],
    });
    const names = events.map((entry) =>
      entry.event === 'delta' ? `delta ${entry.data.contender}` : entry.event,
    );
    const deltas = (id: string) => names.filter((name) => name === `delta ${id}`).length;
    expect(deltas('c0')).toBeGreaterThan(1);
    expect(deltas('c1')).toBeGreaterThan(1);
    // Live: the fast one's every delta and its done before the slow one's first delta.
    expect([...new Set(names)]).toEqual(['start', 'delta c0', 'done', 'delta c1', 'verdict', 'end']);
    const start = events[0]!.data as { request_id: string; contenders: Array<Record<string, string>> };
    expect(start).toEqual({
      request_id: expect.stringMatching(/^req_/),
      evaluator: 'fastest',
      contenders: [
        {
          id: 'c0',
          label: 'openai/arena-fast',
          target: 'openai/arena-fast',
          request_id: `${start.request_id}_contender_0`,
        },
        {
          id: 'c1',
          label: 'groq/arena-slow',
          target: 'groq/arena-slow',
          request_id: `${start.request_id}_contender_1`,
        },
      ],
    });
    const done = events.filter((entry) => entry.event === 'done').map((entry) => entry.data);
    expect(done.map((entry) => entry.contender)).toEqual(['c0', 'c1']);
    for (const entry of done) {
      expect(entry).toEqual({
        contender: expect.any(String),
        time_ms: expect.any(Number),
        ttft_ms: expect.any(Number),
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        cost_usd: 0,
        error: null,
      });
      expect(entry.completion_tokens).toBeGreaterThan(0);
    }
    expect(events.at(-2)!.data).toEqual({
      winner: 'c0',
      evaluator: 'fastest',
      reasoning: expect.any(String),
      scores: { c0: expect.any(Number), c1: expect.any(Number) },
      fallback_reason: null,
    });
    expect(events.at(-1)!.data).toEqual({});

    for (const contender of start.contenders) {
      const vote = await fetch(`${open.url}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request_id: contender.request_id, thumbs: 'up' }),
      });
      expect(vote.status, contender.request_id).toBe(200);
      expect(await vote.json()).toMatchObject({ target: expect.stringContaining(contender.target!) });
    }
    const performance = await getJson<{ targets: Array<{ target: string; quality_signals: number }> }>(
      open,
      '/performance',
    );
    const voted = performance.body.targets.find((row) => row.target.startsWith('openai/arena-fast@'))!;
    expect(voted.quality_signals).toBeGreaterThanOrEqual(1);
  });

  it('ends with a verdict without a winner when nobody answered', async () => {
    const events = await collectArena({ prompt: 'hi', contenders: ['groq/sim-down'] });
    expect(events.map((entry) => entry.event)).toEqual(['start', 'done', 'verdict', 'end']);
    expect(events[1]!.data).toMatchObject({
      contender: 'c0',
      ttft_ms: null,
      error: { kind: expect.any(String) },
    });
    expect(events[2]!.data).toMatchObject({ winner: null, scores: {}, fallback_reason: null });
  });

  it('refuses a bad body, an unknown contender or a guardrail breach with a JSON error, before any event', async () => {
    const typo = await arena({ prompt: 'hi', contender: ['groq'] });
    expect(typo.status).toBe(400);
    expect(await typo.json()).toMatchObject({ error: { code: 'unknown_parameter', param: 'contender' } });
    const unknown = await arena({ prompt: 'hi', contenders: ['nobody/serves-this'] });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'model_not_found' } });
    // The guardrails of /compete apply: here ARBITER_MAX_MESSAGES=3.
    const content = 'hi';
    const tooLong = await arena({ messages: Array.from({ length: 4 }, () => ({ role: 'user', content })) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ error: { code: 'too_many_messages' } });
  });

  it('aborts every contender when the client goes away', async () => {
    simulator.reset();
    const controller = new AbortController();
    const response = await arena(
      { prompt: 'hi', contenders: ['openai/arena-hang', 'groq/arena-hang'] },
      controller.signal,
    );
    // Read up to `start`, then keep the connection open (a cancelled body would hang up by itself).
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('event: start'))
      received += new TextDecoder().decode((await reader.read()).value);
    await vi.waitFor(() => expect(simulator.stats().inFlightRequests).toBe(2), { timeout: 2000 });
    controller.abort();
    await vi.waitFor(
      () => expect(simulator.stats()).toMatchObject({ inFlightRequests: 0, abortedRequests: 2 }),
      { timeout: 2000 },
    );
  });
});
