import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** Responses callers reach OpenAI through OpenAI's own Responses API, untouched but for the model. */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 17, timeScale: 0.02 });
  running = await startGateway({
    OPENAI_API_KEY: 'sim-openai',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    GROQ_API_KEY: 'sim-groq',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
  });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

describe('/v1/responses to an OpenAI target', () => {
  it('passes the body through, built-in tools and unknown fields included', async () => {
    const request = {
      model: 'openai/sim-fast',
      input: 'Latest news?',
      tools: [{ type: 'web_search' as const }],
      include: ['web_search_call.action.sources' as const],
      metadata: { team: 'search' },
    };
    const response = await client.responses.create(request);
    const sent = simulator.requests.at(-1)!;
    expect(sent.path).toBe('/v1/responses');
    expect(sent.body).toEqual({ ...request, model: 'sim-fast', stream: false });
    expect(response.id).toMatch(/^resp_/);
    expect(response.output_text.length).toBeGreaterThan(0);
  });

  it('streams the upstream events untouched', async () => {
    const stream = await client.responses.create({
      model: 'openai/sim-fast',
      input: 'Tell me about rivers',
      stream: true,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(simulator.requests.at(-1)!.body).toMatchObject({ stream: true });
  });

  it('continues by OpenAI id on OpenAI, and continues an OpenAI answer on another provider', async () => {
    const first = await client.responses.create({
      model: 'openai/sim-fast',
      input: 'Remember the word: lighthouse',
    });
    await client.responses.create({
      model: 'openai/sim-fast',
      previous_response_id: first.id,
      input: 'Which word?',
    });
    expect(simulator.requests.at(-1)!.body).toMatchObject({ previous_response_id: first.id });

    const elsewhere = await client.responses.create({
      model: 'groq/sim-fast',
      previous_response_id: first.id,
      input: 'Which word?',
    });
    expect(elsewhere.status).toBe('completed');
    const sent = simulator.requests.at(-1)!.body as { messages: Array<{ role: string; content: unknown }> };
    expect(sent.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(sent.messages[0]!.content).toBe('Remember the word: lighthouse');
  });

  it('translates through Chat Completions when a non-OpenAI answer is continued on OpenAI', async () => {
    const first = await client.responses.create({
      model: 'groq/sim-fast',
      input: 'Remember the word: harbour',
    });
    await client.responses.create({
      model: 'openai/sim-fast',
      previous_response_id: first.id,
      input: 'Which word?',
    });
    const sent = simulator.requests.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect((sent.body as { messages: unknown[] }).messages).toHaveLength(3);
  });
});
