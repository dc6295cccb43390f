import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { createTestServer, sseResponse } from '../support/create-test-server.js';
import { readChunksAsSSE, readFixture } from '../support/fixtures.js';
import { createOpenAISpecValidator, parseSSEPayloads } from '../support/openai-spec-validator.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * What Arbiter serves on its OpenAI ingress must be valid for OpenAI's own schemas, whichever host
 * answered: responses, every stream chunk, and error bodies.
 */
const validate = createOpenAISpecValidator();
let simulator: Simulator;
let fixtures: Awaited<ReturnType<typeof createTestServer>>;
let running: RunningGateway;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 3, timeScale: 0.02 });
  fixtures = await createTestServer({
    '/v1/chat/completions': () =>
      isNextStream
        ? sseResponse(readChunksAsSSE('openai-compatible/mistral-stream-tool-call.chunks.jsonl'))
        : { body: readFixture('openai-compatible/mistral-nonstream-tool-call.json') },
  });
  running = await startGateway({
    GROQ_API_KEY: 'k1',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    MISTRAL_API_KEY: 'k2',
    MISTRAL_BASE_URL: `${fixtures.url}/v1`,
  });
});

afterAll(async () => {
  await running?.close();
  await fixtures?.close();
  await simulator?.close();
});

let isNextStream = false;
const tools = [
  {
    type: 'function',
    function: {
      name: 'weather',
      parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
    },
  },
];

async function post(body: Record<string, unknown>) {
  isNextStream = body.stream === true;
  const response = await fetch(`${running.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

describe('the OpenAI ingress speaks the official schemas', () => {
  const nonStreamCases: Record<string, Record<string, unknown>> = {
    'simulated text': { model: 'groq/sim-fast', messages: [{ role: 'user', content: 'hi' }] },
    'simulated tool call': {
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'weather?' }],
      tools,
      tool_choice: 'required',
    },
    'Mistral (no refusal, no logprobs, no tool type)': {
      model: 'mistral/mistral-small-latest',
      messages: [{ role: 'user', content: 'weather?' }],
      tools,
    },
  };
  for (const [name, body] of Object.entries(nonStreamCases)) {
    it(`non-streamed: ${name}`, async () => {
      const { status, text } = await post(body);
      expect(status).toBe(200);
      expect(validate('CreateChatCompletionResponse', JSON.parse(text))).toEqual([]);
    });
  }

  const streamCases: Record<string, Record<string, unknown>> = {
    'simulated text with usage': {
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    },
    'simulated tool call': {
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'weather?' }],
      tools,
      tool_choice: 'required',
      stream: true,
    },
    'simulated n=2': {
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'hi' }],
      n: 2,
      stream: true,
    },
    'Mistral tool call': {
      model: 'mistral/mistral-small-latest',
      messages: [{ role: 'user', content: 'weather?' }],
      tools,
      stream: true,
      stream_options: { include_usage: true },
    },
  };
  for (const [name, body] of Object.entries(streamCases)) {
    it(`streamed: ${name}`, async () => {
      const { status, text } = await post(body);
      expect(status).toBe(200);
      expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
      const chunks = parseSSEPayloads(text);
      expect(chunks.length).toBeGreaterThan(2);
      for (const chunk of chunks) expect(validate('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
    });
  }

  it('errors: 400, 404, 429, 503 bodies', async () => {
    const cases = [
      { body: { model: 'groq/sim-fast' }, status: 400 },
      { body: { model: 'nope', messages: [{ role: 'user', content: 'hi' }] }, status: 404 },
      { body: { model: 'groq/sim-429', messages: [{ role: 'user', content: 'hi' }] }, status: 429 },
      { body: { model: 'groq/sim-down', messages: [{ role: 'user', content: 'hi' }] }, status: 503 },
    ];
    for (const { body, status } of cases) {
      const response = await post(body);
      expect(response.status).toBe(status);
      expect(validate('ErrorResponse', JSON.parse(response.text))).toEqual([]);
    }
  });

  it('a mid-stream failure is an error event that fits ErrorResponse, with no [DONE]', async () => {
    const { text } = await post({
      model: 'groq/sim-cut',
      messages: [{ role: 'user', content: 'long story' }],
      stream: true,
    });
    const payloads = parseSSEPayloads(text);
    expect(text).not.toContain('[DONE]');
    expect(validate('ErrorResponse', payloads.at(-1))).toEqual([]);
  });
});
