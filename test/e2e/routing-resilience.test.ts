import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { parseSSEPayloads } from '../support/openai-spec-validator.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** Routing through the real server and the simulator: fallback, retries, timeouts, race, hedge. */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

const routes = `
routes:
  resilient: [groq/sim-down, openai/sim-429, deepseek/sim-fast]
  hung: [deepseek-slow/sim-hang, openai/sim-fast]
  raced:
    strategy: race
    targets: [groq/sim-slow, openai/sim-fast]
  hedged:
    strategy: hedge
    hedgeDelayMs: 150
    targets: [groq/sim-slow, openai/sim-fast]
  continued:
    continueOnFailure: true
    targets: [groq/sim-cut, openai/sim-fast]
  doomed:
    maxRetries: 0
    targets: [groq/sim-down, mistral/sim-fast, openai/sim-429]
providers:
  deepseek-slow:
    baseUrl: \${SIM_URL}
    apiKey: sim-deepseek
    timeout: 0.3
`;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 51, timeScale: 0.2 });
  running = await startGateway(
    {
      SIM_URL: simulator.url,
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      DEEPSEEK_API_KEY: 'sim-deepseek',
      DEEPSEEK_BASE_URL: simulator.url,
      MISTRAL_API_KEY: 'sim-invalid-key',
      MISTRAL_BASE_URL: `${simulator.url}/v1`,
      MAX_RETRY_ATTEMPTS: '1',
      RETRY_DELAY_SECONDS: '0.05',
    },
    { configYaml: routes },
  );
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const hi = [{ role: 'user' as const, content: 'Tell me about ferries' }];

describe('fallback and retries', () => {
  it('falls through failing targets to one that answers, and says so in the headers', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'resilient', messages: hi })
      .withResponse();
    expect(data.choices[0]!.message.content).toBeTruthy();
    expect(response.headers.get('x-arbiter-provider')).toBe('deepseek');
    expect(response.headers.get('x-arbiter-attempts')).toBe('3');
  });

  it('abandons a hung target at its timeout and answers from the next', async () => {
    const startedAt = Date.now();
    const { response } = await client.chat.completions.create({ model: 'hung', messages: hi }).withResponse();
    expect(response.headers.get('x-arbiter-provider')).toBe('openai');
    expect(Date.now() - startedAt).toBeLessThan(3000);
  });

  it('honours per-request fallbacks from the body and from a header', async () => {
    const fromBody = await client.chat.completions
      .create({
        model: 'groq/sim-down',
        messages: hi,
        fallbacks: ['openai/sim-fast'],
      } as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .withResponse();
    expect(fromBody.response.headers.get('x-arbiter-provider')).toBe('openai');
    expect(simulator.requests.at(-1)!.body).not.toHaveProperty('fallbacks');
    const fromHeader = await client.chat.completions
      .create(
        { model: 'groq/sim-down', messages: hi },
        { headers: { 'x-arbiter-fallbacks': 'deepseek/sim-fast' } },
      )
      .withResponse();
    expect(fromHeader.response.headers.get('x-arbiter-provider')).toBe('deepseek');
  });

  it('retries a rate-limited target after its retry-after, then answers with one error listing every attempt', async () => {
    const startedAt = Date.now();
    const failure = (await client.chat.completions
      .create({ model: 'openai/sim-429', messages: hi })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(failure.status).toBe(429);
    expect(failure.headers?.get('retry-after')).toBe('1');
    expect(failure.headers?.get('x-should-retry')).toBe('false');

    const doomed = (await client.chat.completions
      .create({ model: 'doomed', messages: hi })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(doomed.status).toBe(502);
    expect(doomed.message).toContain('All 3 attempts for "doomed" failed');
    expect(doomed.message).toMatch(/groq\/sim-down → overloaded \(503\)/);
    expect(doomed.message).toContain('check MISTRAL_API_KEY');
    expect(doomed.message).not.toContain('sim-invalid-key');
  });
});

describe('race and hedge', () => {
  it('race: the fastest target wins and the loser is aborted, its connection closed', async () => {
    simulator.reset();
    const { response } = await client.chat.completions
      .create({ model: 'raced', messages: hi })
      .withResponse();
    expect(response.headers.get('x-arbiter-provider')).toBe('openai');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The loser's request was cut by the client (the gateway) and nothing is left running.
    expect(simulator.stats()).toMatchObject({ abortedRequests: 1, inFlightRequests: 0 });
  });

  it('streaming race commits to the first content token and closes the loser', async () => {
    simulator.reset();
    const stream = await client.chat.completions.create({ model: 'raced', messages: hi, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text.length).toBeGreaterThan(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(simulator.stats()).toMatchObject({ abortedRequests: 1, inFlightRequests: 0 });
  });

  it('hedge: the second target starts only after the hedge delay', async () => {
    simulator.reset();
    const { response } = await client.chat.completions
      .create({ model: 'hedged', messages: hi })
      .withResponse();
    expect(response.headers.get('x-arbiter-provider')).toBe('openai');
    const [first, second] = simulator.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(140);
  });
});

describe('continue_on_failure', () => {
  it('resumes a broken stream on the next target, flagged in the stream', async () => {
    const response = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'continued', messages: hi, stream: true }),
    });
    const body = await response.text();
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
    const chunks = parseSSEPayloads(body) as Array<{
      choices: Array<{ delta: { content?: string } }>;
      arbiter?: Record<string, string>;
    }>;
    const flag = chunks.find((chunk) => chunk.arbiter);
    expect(flag?.arbiter).toMatchObject({ event: 'continued', from: 'groq/sim-cut', to: 'openai/sim-fast' });
    const continuation = simulator.requests.at(-1)!.body as {
      messages: Array<{ role: string; content: string }>;
    };
    expect(continuation.messages.at(-2)!.role).toBe('assistant');
    expect(continuation.messages.at(-2)!.content.length).toBeGreaterThan(0);
  });
});
