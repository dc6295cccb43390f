import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** A `rules` route that sends premium callers to another target: the caller's plan reaches the selector. */
let simulator: Simulator;
let running: RunningGateway;
const keys = { premium: 'arb-rules-premium-0000000001', enterprise: 'arb-rules-enterprise-00000001' };

const configYaml = `
routes:
  tiered:
    selector: rules
    rules:
      - when: { plan: premium }
        prefer: [openai/sim-fast]
    targets: [groq/sim-fast, openai/sim-fast]
`;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 72, timeScale: 0.02 });
  running = await startGateway(
    {
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      ARBITER_API_KEYS: `${keys.premium}:premium,${keys.enterprise}:enterprise`,
    },
    { configYaml },
  );
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const providerFor = async (key: string, stream: boolean) => {
  const client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: key, maxRetries: 0 });
  const messages = [{ role: 'user' as const, content: 'Hello' }];
  if (stream) {
    const { response, data } = await client.chat.completions
      .create({ model: 'tiered', messages, stream: true })
      .withResponse();
    for await (const _chunk of data);
    return response.headers.get('x-arbiter-provider');
  }
  const { response } = await client.chat.completions.create({ model: 'tiered', messages }).withResponse();
  return response.headers.get('x-arbiter-provider');
};

describe('selector rules by plan', () => {
  it("orders a route's targets by the caller's plan, streamed or not", async () => {
    expect(await providerFor(keys.premium, false)).toBe('openai');
    expect(await providerFor(keys.premium, true)).toBe('openai');
    expect(await providerFor(keys.enterprise, false)).toBe('groq');
    expect(await providerFor(keys.enterprise, true)).toBe('groq');
  });

  it('applies to /chat too', async () => {
    const answer = async (key: string) => {
      const response = await fetch(`${running.url}/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ prompt: 'Hello', model: 'tiered' }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { model_used: string }).model_used;
    };
    expect(await answer(keys.premium)).toBe('openai/sim-fast');
    expect(await answer(keys.enterprise)).toBe('groq/sim-fast');
  });
});
