import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { createOpenAISpecValidator, responsesEventSchemas } from '../support/openai-spec-validator.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** The `openai` SDK's Responses API (what Codex and the Agents SDK call) in front of a Chat Completions host. */
const validate = createOpenAISpecValidator();
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 5, timeScale: 0.05 });
  running = await startGateway({ GROQ_API_KEY: 'sim-groq', GROQ_BASE_URL: `${simulator.url}/openai/v1` });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const weather = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
  strict: true,
};

describe('POST /v1/responses translated to Chat Completions', () => {
  it('answers plain input with instructions, valid for the official Response schema', async () => {
    const response = await client.responses.create({
      model: 'groq/sim-fast',
      instructions: 'Be brief.',
      input: 'Tell me about volcanoes',
    });
    expect(response.status).toBe('completed');
    expect(response.output_text.length).toBeGreaterThan(10);
    expect(response.usage!.output_tokens).toBeGreaterThan(0);
    expect(validate('Response', JSON.parse(JSON.stringify(response)))).toEqual([]);
    const sent = simulator.requests.at(-1)!.body as { messages: unknown[] };
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
  });

  it('streams the typed events in order with increasing sequence numbers', async () => {
    const stream = await client.responses.create({
      model: 'groq/sim-fast',
      input: 'Tell me about volcanoes',
      stream: true,
    });
    const events = [];
    for await (const event of stream) events.push(event);
    const types = events.map((event) => event.type);
    expect(types.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(types).toContain('response.output_text.delta');
    expect(types.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
    for (const event of events) {
      const schema = responsesEventSchemas[event.type]!;
      expect([event.type, validate(schema, JSON.parse(JSON.stringify(event)))]).toEqual([event.type, []]);
    }
    const completed = events.at(-1) as {
      response: { output: Array<{ content: Array<{ text: string }> }>; usage: { total_tokens: number } };
    };
    const deltas = events
      .filter((event) => event.type === 'response.output_text.delta')
      .map((event) => (event as { delta: string }).delta)
      .join('');
    expect(completed.response.output[0]!.content[0]!.text).toBe(deltas);
    expect(completed.response.usage.total_tokens).toBeGreaterThan(0);
  });

  it('runs a function-calling round trip, and continues with previous_response_id', async () => {
    const first = await client.responses.create({
      model: 'groq/sim-fast',
      input: 'Weather in Lima?',
      tools: [weather],
      tool_choice: 'required',
    });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call?.type === 'function_call' && call.name).toBe('get_weather');
    const args = JSON.parse(call?.type === 'function_call' ? call.arguments : '{}') as { city: string };
    expect(typeof args.city).toBe('string');

    const second = await client.responses.create({
      model: 'groq/sim-fast',
      previous_response_id: first.id,
      input: [
        {
          type: 'function_call_output',
          call_id: call?.type === 'function_call' ? call.call_id : '',
          output: '{"temp": 24}',
        },
      ],
      tools: [weather],
    });
    expect(second.status).toBe('completed');
    expect(second.previous_response_id).toBe(first.id);
    const sent = simulator.requests.at(-1)!.body as { messages: Array<Record<string, unknown>> };
    expect(sent.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect((sent.messages[1]!.tool_calls as Array<{ id: string }>)[0]!.id).toBe(
      call?.type === 'function_call' ? call.call_id : '',
    );

    const streamedCall = await client.responses
      .stream({
        model: 'groq/sim-fast',
        input: 'Weather in Lima?',
        tools: [weather],
        tool_choice: 'required',
      })
      .finalResponse();
    expect(
      streamedCall.output.some((item) => item.type === 'function_call' && item.name === 'get_weather'),
    ).toBe(true);
  });

  it('produces JSON that fits text.format json_schema', async () => {
    const response = await client.responses.create({
      model: 'groq/sim-fast',
      input: 'A city and its country',
      text: {
        format: {
          type: 'json_schema',
          name: 'place',
          strict: true,
          schema: {
            type: 'object',
            properties: { city: { type: 'string' }, country: { type: 'string' } },
            required: ['city', 'country'],
            additionalProperties: false,
          },
        },
      },
    });
    const parsed = JSON.parse(response.output_text) as Record<string, unknown>;
    expect(typeof parsed.city).toBe('string');
    expect(typeof parsed.country).toBe('string');
  });

  it('retrieves and deletes stored responses; store:false is not kept', async () => {
    const stored = await client.responses.create({ model: 'groq/sim-fast', input: 'hello' });
    expect((await client.responses.retrieve(stored.id)).id).toBe(stored.id);
    await client.responses.delete(stored.id);
    await expect(client.responses.retrieve(stored.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    const ephemeral = await client.responses.create({ model: 'groq/sim-fast', input: 'hello', store: false });
    await expect(client.responses.retrieve(ephemeral.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('says clearly what it cannot do: built-in tools, background mode, unknown previous ids', async () => {
    const builtIn = await client.responses
      .create({ model: 'groq/sim-fast', input: 'news?', tools: [{ type: 'web_search' }] })
      .catch((error: unknown) => error);
    expect(builtIn).toBeInstanceOf(OpenAI.BadRequestError);
    expect((builtIn as Error).message).toContain('"web_search" is only available on OpenAI models');
    const background = await client.responses
      .create({ model: 'groq/sim-fast', input: 'hi', background: true })
      .catch((error: unknown) => error);
    expect(background).toMatchObject({ status: 400, param: 'background' });
    const unknown = await client.responses
      .create({ model: 'groq/sim-fast', input: 'hi', previous_response_id: 'resp_nope' })
      .catch((error: unknown) => error);
    expect(unknown).toMatchObject({ status: 404, param: 'previous_response_id' });
  });
});
