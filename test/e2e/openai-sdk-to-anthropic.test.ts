import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** OpenAI-format callers reaching Anthropic: openai SDK → gateway → Anthropic adapter → simulator's Anthropic wire. */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 3, timeScale: 0.02 });
  running = await startGateway({ ANTHROPIC_API_KEY: 'sim-key', ANTHROPIC_BASE_URL: simulator.url });
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

describe('the openai SDK calling anthropic/sim-fast through the gateway', () => {
  it('non-stream: an OpenAI chat.completion translated from an Anthropic Message', async () => {
    simulator.reset();
    const { data, response } = await client.chat.completions
      .create({
        model: 'anthropic/sim-fast',
        messages: [
          { role: 'system', content: 'Be helpful.' },
          { role: 'user', content: 'Tell me about lighthouses' },
        ],
        temperature: 1.5,
      })
      .withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.id).toMatch(/^msg_01/);
    expect(data.choices[0]!.message.content).toMatch(/lighthouses/i);
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage!.total_tokens).toBe(data.usage!.prompt_tokens + data.usage!.completion_tokens);
    expect(response.headers.get('x-arbiter-provider')).toBe('anthropic');
    const sent = simulator.requests.at(-1)!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.headers['x-api-key']).toBe('sim-key');
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      model: 'sim-fast',
      max_tokens: 4096,
      system: 'Be helpful.',
      messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
      temperature: 1,
    });
  });

  it('stream with include_usage: content deltas, a finish chunk and one usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'anthropic/sim-fast',
      messages: [{ role: 'user', content: 'Write about the ocean' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const finishReasons: string[] = [];
    const usages: OpenAI.CompletionUsage[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]?.finish_reason) finishReasons.push(chunk.choices[0].finish_reason);
      if (chunk.usage) usages.push(chunk.usage);
    }
    expect(text).toMatch(/ocean/i);
    expect(finishReasons).toEqual(['stop']);
    expect(usages).toHaveLength(1);
    expect(usages[0]!.completion_tokens).toBeGreaterThan(10);
    expect(simulator.requests.at(-1)!.body).toMatchObject({ model: 'sim-fast', stream: true });
  });

  it('a tool call, streamed and not, then the tool result round trip', async () => {
    const question = { role: 'user' as const, content: 'What is the weather in Paris?' };
    const completion = await client.chat.completions.create({
      model: 'anthropic/sim-fast',
      messages: [question],
      tools: [weatherTool],
      tool_choice: 'required',
    });
    const message = completion.choices[0]!.message;
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    const call = message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.id).toMatch(/^toolu_01/);
    expect(JSON.parse(call.function.arguments)).toMatchObject({ city: 'Paris' });
    expect(simulator.requests.at(-1)!.body).toMatchObject({ tool_choice: { type: 'any' } });

    const stream = await client.chat.completions.create({
      model: 'anthropic/sim-fast',
      messages: [question],
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      stream: true,
    });
    let argumentsText = '';
    let streamedName: string | undefined;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.tool_calls?.[0];
      streamedName ??= delta?.function?.name;
      argumentsText += delta?.function?.arguments ?? '';
    }
    expect(streamedName).toBe('get_weather');
    expect(JSON.parse(argumentsText)).toMatchObject({ city: 'Paris' });

    const answer = await client.chat.completions.create({
      model: 'anthropic/sim-fast',
      messages: [question, message, { role: 'tool', tool_call_id: call.id, content: '{"temp":21}' }],
      tools: [weatherTool],
    });
    expect(answer.choices[0]!.message.content).toContain('According to get_weather');
    const sent = simulator.requests.at(-1)!.body as { messages: Array<{ role: string; content: unknown }> };
    expect(sent.messages[2]).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: call.id, content: '{"temp":21}' }],
    });
  });

  it('an Anthropic failure reaches the caller as an OpenAI-format error', async () => {
    const error = await client.chat.completions
      .create({ model: 'anthropic/sim-429', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(429);
  });
});
