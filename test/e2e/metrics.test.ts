import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** `GET /metrics` after a scripted run: what Prometheus would scrape, and who may scrape it. */
let simulator: Simulator;
let running: RunningGateway;
const gatewayKey = 'arb_test_metrics_key_0123456789';
const adminKey = 'admin-key-for-metrics-0123456789';

beforeAll(async () => {
  simulator = await createSimulator({ seed: 7, timeScale: 0.02 });
  running = await startGateway(
    {
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      MAX_RETRY_ATTEMPTS: '0',
      ARBITER_API_KEYS: `${gatewayKey}:premium`,
      ARBITER_ADMIN_KEY: adminKey,
    },
    { configYaml: 'routes:\n  flaky: [groq/sim-down, openai/sim-fast]\n' },
  );
  const client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: gatewayKey, maxRetries: 0 });
  const messages = [{ role: 'user' as const, content: 'hello' }];
  for (let i = 0; i < 3; i++) await client.chat.completions.create({ model: 'openai/sim-fast', messages });
  const stream = await client.chat.completions.create({ model: 'openai/sim-fast', messages, stream: true });
  for await (const _chunk of stream);
  await client.chat.completions.create({ model: 'flaky', messages });
  // A priced model, so the cost counter moves (the simulator answers any model name).
  await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
  await client.chat.completions.create({ model: 'nope/nothing', messages }).catch(() => undefined);
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

async function scrape(key?: string): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(`${running.url}/metrics`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

/** The value of one series, or undefined. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('needs the admin key once gateway keys exist; a gateway key is not enough', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(gatewayKey)).status).toBe(401);
    expect((await scrape(adminKey)).status).toBe(200);
  });

  it('counts the scripted run in Prometheus text format', async () => {
    const { text, type } = await scrape(adminKey);
    expect(type).toContain('text/plain');
    expect(valueOf(text, 'llm_requests_total{provider="openai",model="sim-fast",status="200"}')).toBe(5);
    expect(valueOf(text, 'llm_requests_total{provider="none",model="none",status="404"}')).toBe(1);
    expect(valueOf(text, 'llm_response_time_seconds_count{provider="openai"}')).toBe(6);
    expect(valueOf(text, 'llm_time_to_first_token_seconds_count{provider="openai"}')).toBe(1);
    expect(valueOf(text, 'llm_fallbacks_total')).toBe(1);
    expect(valueOf(text, 'llm_errors_total{provider="groq",error_type="overloaded"}')).toBe(1);
    const keyId = /key_id="([^"]+)"/.exec(text)?.[1];
    expect(keyId).toBeDefined();
    expect(
      valueOf(text, `llm_tokens_used_total{provider="openai",direction="input",key_id="${keyId}"}`),
    ).toBeGreaterThan(0);
    expect(valueOf(text, `llm_cost_dollars_total{provider="openai",key_id="${keyId}"}`)).toBeGreaterThan(0);
    expect(text).toMatch(/llm_circuit_state\{target="openai\/sim-fast[^"]*",provider="openai"\} 0/);
    expect(text).toMatch(
      /llm_learned_score\{target="openai\/sim-fast[^"]*",route="\*",term="total"\} [\d.]+/,
    );
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('never shows a key, only key ids', async () => {
    const { text } = await scrape(adminKey);
    for (const secret of [gatewayKey, adminKey, 'sim-openai', 'sim-groq']) expect(text).not.toContain(secret);
  });
});
