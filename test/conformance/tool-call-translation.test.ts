import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * Tool calls across formats, where gateways usually break: parallel calls, calls without arguments,
 * arguments streamed in fragments, and tool results that report an error. Both official SDKs call every
 * family behind the gateway; what each provider received is checked in its own wire format.
 */
let simulator: Simulator;
let running: RunningGateway;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 21, timeScale: 0.02 });
  running = await startGateway({
    OPENAI_API_KEY: 'sim-openai',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    ANTHROPIC_API_KEY: 'sim-anthropic',
    ANTHROPIC_BASE_URL: simulator.url,
    GEMINI_API_KEY: 'sim-gemini',
    GEMINI_BASE_URL: simulator.url,
    OLLAMA_BASE_URL: simulator.url,
  });
  openai = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: running.url, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const families = ['openai', 'anthropic', 'gemini', 'ollama'] as const;
type Family = (typeof families)[number];

const weatherParameters = {
  type: 'object',
  properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
  required: ['city', 'unit'],
};
const openAITools = [
  {
    type: 'function' as const,
    function: { name: 'get_weather', description: 'Weather in a city', parameters: weatherParameters },
  },
  {
    type: 'function' as const,
    function: {
      name: 'get_time',
      description: 'Local time, no arguments',
      parameters: { type: 'object', properties: {} },
    },
  },
];
const anthropicTools = openAITools.map((tool) => ({
  name: tool.function.name,
  description: tool.function.description,
  input_schema: tool.function.parameters as Anthropic.Tool.InputSchema,
}));

/** What the provider received for the follow-up turn, in its own words: calls made and results given. */
function describeUpstreamTurn(family: Family): { calls: string[]; results: string[]; errors: string[] } {
  const body = simulator.requests.at(-1)!.body as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
  if (family === 'anthropic') {
    const messages = body.messages as Array<{ role: string; content: Array<Record<string, unknown>> }>;
    const blocks = messages.flatMap((message) => (Array.isArray(message.content) ? message.content : []));
    const results = blocks.filter((block) => block.type === 'tool_result');
    return {
      calls: blocks
        .filter((block) => block.type === 'tool_use')
        .map((block) => `${String(block.name)}(${text(block.input)})`),
      results: results.map((block) => text(block.content)),
      errors: results
        .filter((block) => block.is_error === true || text(block.content).startsWith('Error'))
        .map((block) => text(block.content)),
    };
  }
  if (family === 'gemini') {
    const parts = (body.contents as Array<{ parts: Array<Record<string, Record<string, unknown>>> }>).flatMap(
      (content) => content.parts,
    );
    const results = parts
      .filter((part) => part.functionResponse)
      .map((part) => text(part.functionResponse!.response));
    return {
      calls: parts
        .filter((part) => part.functionCall)
        .map((part) => `${String(part.functionCall!.name)}(${text(part.functionCall!.args ?? {})})`),
      results,
      errors: results.filter((result) => result.includes('Error')),
    };
  }
  const messages = body.messages as Array<Record<string, unknown>>;
  const calls = messages.flatMap(
    (message) =>
      (message.tool_calls as Array<{ function: { name: string; arguments: unknown } }> | undefined) ?? [],
  );
  const results = messages
    .filter((message) => message.role === 'tool')
    .map((message) => text(message.content));
  return {
    calls: calls.map(
      (call) =>
        `${call.function.name}(${typeof call.function.arguments === 'string' ? call.function.arguments : text(call.function.arguments)})`,
    ),
    results,
    errors: results.filter((result) => result.includes('Error')),
  };
}

describe.each(families)('OpenAI format → %s', (family) => {
  const model = `${family}/sim-tools`;

  it('parallel calls, one without arguments, streamed in fragments, then results with an error', async () => {
    const streamed = await openai.chat.completions
      .stream({
        model,
        messages: [{ role: 'user', content: 'Weather and time in Lisbon?' }],
        tools: openAITools,
      })
      .finalChatCompletion();
    const calls = streamed.choices[0]!.message.tool_calls!.filter((call) => call.type === 'function');
    expect(streamed.choices[0]!.finish_reason).toBe('tool_calls');
    expect(calls.map((call) => call.function.name).sort()).toEqual(['get_time', 'get_weather']);
    for (const call of calls) expect(() => JSON.parse(call.function.arguments) as unknown).not.toThrow();
    expect(JSON.parse(calls.find((call) => call.function.name === 'get_time')!.function.arguments)).toEqual(
      {},
    );
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);

    const answer = await openai.chat.completions.create({
      model,
      tools: openAITools,
      messages: [
        { role: 'user', content: 'Weather and time in Lisbon?' },
        { role: 'assistant', content: null, tool_calls: streamed.choices[0]!.message.tool_calls },
        { role: 'tool', tool_call_id: calls[0]!.id, content: 'Error: the weather service timed out' },
        { role: 'tool', tool_call_id: calls[1]!.id, content: '14:05' },
      ],
    });
    expect(answer.choices[0]!.finish_reason).toBe('stop');
    const upstream = describeUpstreamTurn(family);
    expect(upstream.calls).toHaveLength(2);
    expect(upstream.calls.find((call) => call.startsWith('get_time'))).toMatch(/^get_time\((\{\}|)\)$/);
    expect(upstream.results).toHaveLength(2);
    expect(upstream.errors.join()).toContain('the weather service timed out');
  });
});

describe.each(families)('Anthropic format → %s', (family) => {
  const model = `${family}/sim-tools`;

  it('parallel tool_use blocks with input_json_delta fragments, then tool_result with is_error', async () => {
    const message = await anthropic.messages
      .stream({
        model,
        max_tokens: 400,
        tools: anthropicTools,
        messages: [{ role: 'user', content: 'Weather and time in Lisbon?' }],
      })
      .finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    const uses = message.content.filter(
      (block): block is Anthropic.ToolUseBlock => block.type === 'tool_use',
    );
    expect(uses.map((use) => use.name).sort()).toEqual(['get_time', 'get_weather']);
    expect(uses.find((use) => use.name === 'get_time')!.input).toEqual({});
    expect(typeof (uses.find((use) => use.name === 'get_weather')!.input as { city?: unknown }).city).toBe(
      'string',
    );

    const answer = await anthropic.messages.create({
      model,
      max_tokens: 400,
      tools: anthropicTools,
      messages: [
        { role: 'user', content: 'Weather and time in Lisbon?' },
        { role: 'assistant', content: message.content },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: uses[0]!.id,
              content: 'the weather service timed out',
              is_error: true,
            },
            { type: 'tool_result', tool_use_id: uses[1]!.id, content: '14:05' },
          ],
        },
      ],
    });
    expect(answer.stop_reason).toBe('end_turn');
    const upstream = describeUpstreamTurn(family);
    expect(upstream.calls).toHaveLength(2);
    expect(upstream.results).toHaveLength(2);
    expect(upstream.errors.join()).toContain('the weather service timed out');
  });
});
