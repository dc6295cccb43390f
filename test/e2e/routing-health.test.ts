import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthEvent } from '../../src/gateway/create-routing-health.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** Key pools and circuit breakers through the real server: a rejected key, a dead target, recovery. */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;
const events: HealthEvent[] = [];

beforeAll(async () => {
  simulator = await createSimulator({ seed: 61, timeScale: 0.05 });
  running = await startGateway(
    {
      GROQ_API_KEYS: 'sim-invalid-groq-key,sim-good-groq-key',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      MAX_RETRY_ATTEMPTS: '0',
    },
    { configYaml: 'routes:\n  breaking: [openai/breaking-model, groq/sim-fast]\n' },
  );
  running.gateway.onHealthEvent((event) => events.push(event));
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const hi = [{ role: 'user' as const, content: 'hello' }];

describe('key pool', () => {
  it('disables a key the provider rejects, reports it by id, and keeps serving with the other key', async () => {
    for (let index = 0; index < 4; index++) {
      const { response } = await client.chat.completions
        .create({ model: 'groq/sim-fast', messages: hi })
        .withResponse();
      expect(response.headers.get('x-arbiter-provider')).toBe('groq');
    }
    const disabled = events.filter((event) => event.type === 'key-disabled');
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toMatchObject({
      provider: 'groq',
      credentialId: expect.stringMatching(/^groq#[0-9a-f]{8}$/),
    });
    expect(JSON.stringify(disabled)).not.toContain('sim-invalid-groq-key');
    const rejectedKeyCalls = simulator.requests.filter(
      (request) => request.headers.authorization === 'Bearer sim-invalid-groq-key',
    );
    expect(rejectedKeyCalls).toHaveLength(1);
  });
});

describe('circuit breaker', () => {
  it('opens on a failing target, skips it, then closes again once it recovers', async () => {
    simulator.setProfile('breaking-model', { mode: 'down' });
    for (let index = 0; index < 6; index++)
      await client.chat.completions.create({ model: 'breaking', messages: hi });
    const opened = events.find((event) => event.type === 'circuit' && event.to === 'open');
    expect(opened).toMatchObject({
      targetId: expect.stringContaining('openai/breaking-model'),
      reason: 'consecutive-failures',
    });

    const callsBefore = simulator.stats().byModel['breaking-model'];
    const { response } = await client.chat.completions
      .create({ model: 'breaking', messages: hi })
      .withResponse();
    expect(response.headers.get('x-arbiter-provider')).toBe('groq');
    expect(response.headers.get('x-arbiter-attempts')).toBe('1');
    expect(simulator.stats().byModel['breaking-model']).toBe(callsBefore);

    simulator.setProfile('breaking-model', { mode: 'normal' });
    const breaker = running.gateway.health.breaker;
    const targetId = (opened as { targetId: string }).targetId;
    const probeAt = breaker.getState(targetId, Date.now()).probeAt!;
    expect(probeAt).toBeGreaterThan(Date.now());
    // Move time past the open duration by asking the breaker directly, as the next request would.
    expect(breaker.canAttempt(targetId, probeAt + 1)).toBe(true);
    breaker.admit(targetId, probeAt + 1);
    breaker.onSuccess(targetId, probeAt + 2);
    expect(breaker.getState(targetId, probeAt + 3).state).toBe('closed');
    const recovered = await client.chat.completions
      .create({ model: 'breaking', messages: hi })
      .withResponse();
    expect(recovered.response.headers.get('x-arbiter-provider')).toBe('openai');
  });
});
