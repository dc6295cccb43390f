import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAzureAdapter } from '../../src/providers/azure/index.js';
import { createOllamaAdapter } from '../../src/providers/ollama/index.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 11, timeScale: 0.05 });
  running = await startGateway({
    OLLAMA_BASE_URL: simulator.url,
    AZURE_OPENAI_API_KEY: 'sim-key',
    AZURE_OPENAI_ENDPOINT: simulator.url,
    AZURE_OPENAI_DEPLOYMENT_NAME: 'sim-fast',
  });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller-key', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city', 'unit'],
    },
  },
};

/** What each provider's upstream request must look like, read from the simulator's record. */
const upstream = {
  ollama: {
    path: '/api/chat',
    check: (headers: Record<string, unknown>) => expect(headers.authorization).toBeUndefined(),
  },
  azure: {
    path: '/openai/deployments/sim-fast/chat/completions',
    check: (headers: Record<string, unknown>) => {
      expect(headers['api-key']).toBe('sim-key');
      expect(headers.authorization).toBeUndefined();
    },
  },
};

describe.each(['ollama', 'azure'] as const)('the openai SDK through the gateway to %s', (provider) => {
  it('answers non-streamed, with usage', async () => {
    simulator.reset();
    const { data, response } = await client.chat.completions
      .create({
        model: `${provider}/sim-fast`,
        messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
      })
      .withResponse();
    expect(data.choices[0]!.message.content!.length).toBeGreaterThan(10);
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage!.completion_tokens).toBeGreaterThan(0);
    expect(data.usage!.total_tokens).toBe(data.usage!.prompt_tokens + data.usage!.completion_tokens);
    expect(response.headers.get('x-arbiter-provider')).toBe(provider);
    const sent = simulator.requests.at(-1)!;
    expect(sent.path).toBe(upstream[provider].path);
    upstream[provider].check(sent.headers);
    if (provider === 'ollama') expect(sent.body).toMatchObject({ model: 'sim-fast', stream: false });
  });

  it('streams with usage', async () => {
    const stream = await client.chat.completions.create({
      model: `${provider}/sim-fast`,
      messages: [{ role: 'user', content: 'Write about the sea' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text.length).toBeGreaterThan(10);
    expect(chunks.filter((chunk) => chunk.choices[0]?.finish_reason === 'stop')).toHaveLength(1);
    const usageChunks = chunks.filter((chunk) => chunk.usage);
    expect(usageChunks).toHaveLength(1);
    expect(usageChunks[0]!.usage!.completion_tokens).toBeGreaterThan(0);
  });

  it('makes a full tool round trip', async () => {
    // Ollama has no tool_choice, so its simulated model that calls tools unprompted (sim-tools) stands
    // in; Azure takes `tool_choice: "required"` as OpenAI does.
    const model = provider === 'ollama' ? 'ollama/sim-tools' : 'azure/sim-fast';
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Lisbon?' }];
    const stream = await client.chat.completions.create({
      model,
      messages,
      tools: [weatherTool],
      tool_choice: 'required',
      stream: true,
    });
    let id = '';
    let name = '';
    let args = '';
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      const call = chunk.choices[0]?.delta.tool_calls?.[0];
      id ||= call?.id ?? '';
      name ||= call?.function?.name ?? '';
      args += call?.function?.arguments ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
    }
    expect(finishReason).toBe('tool_calls');
    expect(name).toBe('get_weather');
    expect(id).toMatch(/^call_/);
    expect(JSON.parse(args)).toMatchObject({
      city: expect.any(String),
      unit: expect.stringMatching(/^[cf]$/),
    });

    messages.push(
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id, type: 'function', function: { name, arguments: args } }],
      },
      { role: 'tool', tool_call_id: id, content: '{"temperature": 23, "sky": "clear"}' },
    );
    const answer = await client.chat.completions.create({ model, messages, tools: [weatherTool] });
    expect(answer.choices[0]!.finish_reason).toBe('stop');
    expect(answer.choices[0]!.message.content).toContain('23');
    if (provider === 'ollama') {
      expect((simulator.requests.at(-1)!.body as { messages: unknown[] }).messages.slice(1)).toEqual([
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ id, function: { index: 0, name, arguments: JSON.parse(args) as unknown } }],
        },
        { role: 'tool', content: '{"temperature": 23, "sky": "clear"}', tool_name: name, tool_call_id: id },
      ]);
    }
  });
});

describe('the adapters against the simulator, beyond chat', () => {
  const signal = new AbortController().signal;

  it('Ollama: lists /api/tags and embeds through /api/embed', async () => {
    const ollama = createOllamaAdapter({ provider: 'ollama' });
    const call = { credential: { id: 'ollama#local' }, baseUrl: simulator.url, signal };
    expect((await ollama.listModels!(call)).map((model) => model.id)).toContain('sim-fast:latest');
    const embeddings = await ollama.embed!({
      ...call,
      model: 'sim-fast',
      request: { model: 'ollama/sim-fast', input: ['harbour', 'dawn'], dimensions: 32 },
    });
    expect(embeddings.data.map((item) => (item.embedding as number[]).length)).toEqual([32, 32]);
    expect(embeddings.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });

  it('Azure: embeds on a deployment and chats on the v1 path', async () => {
    const call = { credential: { id: 'azure#1', apiKey: 'sim-key' }, baseUrl: simulator.url, signal };
    const dated = createAzureAdapter({ provider: 'azure' });
    const embeddings = await dated.embed!({
      ...call,
      model: 'sim-fast',
      request: { model: 'azure/sim-fast', input: 'harbour at dawn', encoding_format: 'base64' },
    });
    expect(Buffer.from(embeddings.data[0]!.embedding as string, 'base64')).toHaveLength(1536 * 4);
    const v1 = createAzureAdapter({ provider: 'azure', apiVersion: 'v1' });
    simulator.reset();
    const response = await v1.chat({
      ...call,
      model: 'sim-fast',
      request: { model: 'azure/sim-fast', messages: [{ role: 'user', content: 'Hello' }] },
    });
    expect(simulator.requests.at(-1)!.path).toBe('/openai/v1/chat/completions');
    expect(response.prompt_filter_results).toBeDefined();
    expect(response.choices[0]!.message.content!.length).toBeGreaterThan(0);
  });
});
