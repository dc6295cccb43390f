import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * The openai SDK → the gateway → the Gemini adapter → the simulator's Gemini wire, and back: the
 * request translated to `generateContent`, the answer translated to OpenAI's shape, and a tool round
 * trip whose tool-call ids must carry Gemini 3's thought signatures back (the simulator rejects a
 * `gemini-3*` request whose function call lost its signature, as Google does).
 */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 11, timeScale: 0.02 });
  running = await startGateway({ GEMINI_API_KEY: 'sim-key', GEMINI_BASE_URL: simulator.url });
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

describe('the openai SDK calling gemini/sim-fast through the gateway', () => {
  it('answers non-streamed, from a generateContent call with the key in x-goog-api-key', async () => {
    simulator.reset();
    const { data, response } = await client.chat.completions
      .create({
        model: 'gemini/sim-fast',
        messages: [
          { role: 'system', content: 'Be helpful.' },
          { role: 'user', content: 'Tell me about lighthouses' },
        ],
      })
      .withResponse();
    expect(data.choices[0]!.message.content!.length).toBeGreaterThan(10);
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage!.total_tokens).toBe(data.usage!.prompt_tokens + data.usage!.completion_tokens);
    expect(response.headers.get('x-arbiter-provider')).toBe('gemini');
    const sent = simulator.requests.at(-1)!;
    expect(sent.path).toBe('/v1beta/models/sim-fast:generateContent');
    expect(sent.headers['x-goog-api-key']).toBe('sim-key');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Tell me about lighthouses' }] }],
      generationConfig: {},
      systemInstruction: { parts: [{ text: 'Be helpful.' }], role: 'user' },
    });
  });

  it('streams with usage: text deltas, one finish and one usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'gemini/sim-fast',
      messages: [{ role: 'user', content: 'Write about the sea' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(simulator.requests.at(-1)!.path).toBe('/v1beta/models/sim-fast:streamGenerateContent');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text.length).toBeGreaterThan(10);
    expect(chunks.filter((chunk) => chunk.choices[0]?.finish_reason === 'stop')).toHaveLength(1);
    const usage = chunks.filter((chunk) => chunk.usage);
    expect(usage).toHaveLength(1);
    expect(usage[0]!.usage!.completion_tokens).toBeGreaterThan(0);
    expect(usage[0]!.usage!.total_tokens).toBe(
      usage[0]!.usage!.prompt_tokens + usage[0]!.usage!.completion_tokens,
    );
  });

  it('completes a tool round trip: tool call, tool result, answer', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Lisbon?' }];
    const first = await client.chat.completions.create({
      model: 'gemini/sim-fast',
      messages,
      tools: [weatherTool],
      tool_choice: 'required',
    });
    const choice = first.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    const call = choice.message.tool_calls![0]!;
    expect(call.id).toMatch(/^call_/);
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toMatchObject({
      city: expect.any(String),
    });
    messages.push(choice.message, { role: 'tool', tool_call_id: call.id, content: '{"temperature": 21}' });
    const answer = await client.chat.completions.create({
      model: 'gemini/sim-fast',
      messages,
      tools: [weatherTool],
    });
    expect(answer.choices[0]!.finish_reason).toBe('stop');
    expect(answer.choices[0]!.message.content).toContain('According to get_weather');
    const sent = simulator.requests.at(-1)!.body as { contents: Array<{ role: string; parts: unknown[] }> };
    expect(sent.contents.map((content) => content.role)).toEqual(['user', 'model', 'user']);
    expect(sent.contents[2]!.parts).toEqual([
      { functionResponse: { name: 'get_weather', response: { temperature: 21 } } },
    ]);
  });

  it('carries a Gemini 3 thought signature through the tool call id of a streamed call', async () => {
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Oslo?' }];
    const streamed = await client.chat.completions
      .stream({
        model: 'gemini/gemini-3-pro-preview',
        messages,
        tools: [weatherTool],
        tool_choice: 'required',
      })
      .finalChatCompletion();
    const message = streamed.choices[0]!.message;
    expect(message.tool_calls![0]!.id).toMatch(/^call_[A-Za-z0-9]{24}_ts_/);
    messages.push(
      { role: 'assistant', content: message.content, tool_calls: message.tool_calls },
      { role: 'tool', tool_call_id: message.tool_calls![0]!.id, content: 'snow' },
    );
    const answer = await client.chat.completions.create({ model: 'gemini/gemini-3-pro-preview', messages });
    expect(answer.choices[0]!.message.content).toContain(
      'According to get_weather, the result is {"output":"snow"}',
    );
    const sent = simulator.requests.at(-1)!.body as {
      contents: Array<{ parts: Array<{ thoughtSignature?: string }> }>;
    };
    expect(sent.contents[1]!.parts[0]!.thoughtSignature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });
});
