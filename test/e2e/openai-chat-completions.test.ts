import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 7, timeScale: 0.05 });
  running = await startGateway({
    GROQ_API_KEY: 'sim-groq-key-1',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    OPENAI_API_KEY: 'sim-openai-key-1',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    DEEPSEEK_API_KEY: 'sim-deepseek-key',
    DEEPSEEK_BASE_URL: simulator.url,
    DEEPSEEK_TIMEOUT: '0.5',
    MISTRAL_API_KEY: 'sim-invalid-key-xyz',
    MISTRAL_BASE_URL: `${simulator.url}/v1`,
    DEFAULT_MODEL_PROVIDER: 'groq',
    GROQ_MODEL: 'sim-fast',
  });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller-key-not-for-upstream', maxRetries: 0 });
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

describe('POST /v1/chat/completions with the openai SDK', () => {
  it('answers non-streamed, with usage and the x-arbiter headers', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'groq/sim-fast', messages: [{ role: 'user', content: 'Tell me about lighthouses' }] })
      .withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.choices[0]!.message.content!.length).toBeGreaterThan(10);
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage!.total_tokens).toBe(data.usage!.prompt_tokens + data.usage!.completion_tokens);
    expect(response.headers.get('x-arbiter-provider')).toBe('groq');
    expect(response.headers.get('x-arbiter-model')).toBe('sim-fast');
    expect(response.headers.get('x-arbiter-attempts')).toBe('1');
    expect(response.headers.get('x-arbiter-request-id')).toMatch(/^req_/);
  });

  it('never forwards the caller key upstream, and passes unknown fields through', async () => {
    simulator.reset();
    await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
      // @ts-expect-error a field the SDK does not know must still reach the upstream
      custom_upstream_flag: { keep: 'me' },
    });
    const sent = simulator.requests.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer sim-openai-key-1');
    expect(sent.body).toMatchObject({ model: 'gpt-4o-mini', custom_upstream_flag: { keep: 'me' } });
  });

  it('streams with include_usage: role chunk, deltas, finish, one usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'auto',
      messages: [{ role: 'user', content: 'Write about the sea' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text.length).toBeGreaterThan(10);
    expect(chunks.filter((chunk) => chunk.choices[0]?.finish_reason === 'stop')).toHaveLength(1);
    const usageChunks = chunks.filter((chunk) => chunk.usage);
    expect(usageChunks).toHaveLength(1);
    expect(usageChunks[0]!.choices).toEqual([]);
    expect(usageChunks[0]!.usage!.completion_tokens).toBeGreaterThan(0);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  });

  it('streams without usage when the caller did not ask, though upstream usage was requested', async () => {
    simulator.reset();
    const stream = await client.chat.completions.create({
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    expect(simulator.requests.at(-1)!.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('calls tools non-streamed and streamed, with arguments that fit the schema', async () => {
    const request = {
      model: 'groq/sim-fast',
      messages: [{ role: 'user' as const, content: 'Weather in Lisbon?' }],
      tools: [weatherTool],
      tool_choice: 'required' as const,
    };
    const completion = await client.chat.completions.create(request);
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    const args = JSON.parse(call.type === 'function' ? call.function.arguments : '{}') as {
      city: string;
      unit: string;
    };
    expect(typeof args.city).toBe('string');
    expect(['c', 'f']).toContain(args.unit);

    const streamed = await client.chat.completions.stream(request).finalChatCompletion();
    const streamedCall = streamed.choices[0]!.message.tool_calls![0]!;
    expect(streamed.choices[0]!.finish_reason).toBe('tool_calls');
    expect(streamedCall.type === 'function' && streamedCall.function.name).toBe('get_weather');
    expect(streamedCall.id).toMatch(/^call_/);
    expect(
      JSON.parse(streamedCall.type === 'function' ? streamedCall.function.arguments : ''),
    ).toHaveProperty('city');
  });

  it('completes a tool round trip', async () => {
    const completion = await client.chat.completions.create({
      model: 'groq/sim-tools',
      messages: [
        { role: 'user', content: 'Weather in Lisbon?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Lisbon","unit":"c"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temperature": 21}' },
      ],
      tools: [weatherTool],
    });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.choices[0]!.message.content).toBeTruthy();
  });

  it('honours max_tokens, stop and n', async () => {
    const limited = await client.chat.completions.create({
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'Long story please' }],
      max_tokens: 5,
    });
    expect(limited.choices[0]!.finish_reason).toBe('length');
    expect(limited.usage!.completion_tokens).toBe(5);
    const two = await client.chat.completions.create({
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'Two please' }],
      n: 2,
    });
    expect(two.choices.map((choice) => choice.index)).toEqual([0, 1]);
  });

  it('lists and retrieves models', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual(
      expect.arrayContaining(['groq/sim-fast', 'groq/llama-3.3-70b-versatile', 'openai/gpt-4o-mini', 'auto']),
    );
    expect((await client.models.retrieve('groq/llama-3.3-70b-versatile')).owned_by).toBe('groq');
    await expect(client.models.retrieve('groq/nope')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('errors, in the OpenAI format the SDK understands', () => {
  it('names the missing or mistyped field', async () => {
    // @ts-expect-error messages is required
    const missing = await client.chat.completions.create({ model: 'auto' }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(OpenAI.BadRequestError);
    expect(missing).toMatchObject({ status: 400, param: 'messages', code: 'missing_required_parameter' });
    const mistyped = await client.chat.completions
      // @ts-expect-error temperature must be a number
      .create({ model: 'auto', messages: [{ role: 'user', content: 'hi' }], temperature: 'warm' })
      .catch((error: unknown) => error);
    expect(mistyped).toMatchObject({ status: 400, param: 'temperature', code: 'invalid_type' });
    const badRole = await client.chat.completions
      // @ts-expect-error not a role
      .create({ model: 'auto', messages: [{ role: 'robot', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(badRole).toMatchObject({ status: 400, param: 'messages[0].role', code: 'invalid_value' });
  });

  it('rejects malformed JSON and over-large bodies with a clear message', async () => {
    const malformed = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": "auto",',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'invalid_json' },
    });
    const huge = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'auto',
        messages: [{ role: 'user', content: 'x'.repeat(11 * 1024 * 1024) }],
      }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({
      error: { code: 'request_too_large', message: expect.stringContaining('ARBITER_MAX_BODY_BYTES') },
    });
  });

  it('says how to find valid model names', async () => {
    const unknown = await client.chat.completions
      .create({ model: 'nope', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as Error).message).toContain('GET /v1/models');
    const unconfigured = await client.chat.completions
      .create({ model: 'xai/grok-3', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(unconfigured).toMatchObject({
      status: 404,
      code: 'provider_not_configured',
      message: expect.stringContaining('XAI_API_KEY'),
    });
  });

  it('keeps 429 a 429 with retry-after, maps upstream 5xx to 502/503 and a timeout to 504', async () => {
    const limited = (await client.chat.completions
      .create({ model: 'groq/sim-429', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.headers?.get('retry-after')).toBe('1');
    const down = (await client.chat.completions
      .create({ model: 'groq/sim-down', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(down.status).toBe(503);
    const hang = (await client.chat.completions
      .create({ model: 'deepseek/sim-hang', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(hang.status).toBe(504);
    expect(hang.message).toContain('deepseek');
  });

  it('never leaks the upstream key when the provider rejects it', async () => {
    const rejected = (await client.chat.completions
      .create({ model: 'mistral/sim-fast', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(rejected.status).toBe(502);
    expect(rejected.code).toBe('upstream_auth_failed');
    expect(JSON.stringify(rejected.error)).not.toContain('sim-invalid-key-xyz');
    expect(rejected.message).not.toContain('invalid-key-xyz');
  });

  it('fails a stream that dies before content with a JSON error, and after content with an error event', async () => {
    const beforeContent = (await client.chat.completions
      .create({ model: 'groq/sim-down', messages: [{ role: 'user', content: 'hi' }], stream: true })
      .catch((error: unknown) => error)) as InstanceType<typeof OpenAI.APIError>;
    expect(beforeContent.status).toBe(503);
    const stream = await client.chat.completions.create({
      model: 'groq/sim-cut',
      messages: [{ role: 'user', content: 'Tell me a long story' }],
      stream: true,
    });
    const received: string[] = [];
    const failure = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((error: unknown) => error);
    expect(received.join('').length).toBeGreaterThan(0);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    expect((failure as Error).message).toContain('closed the stream before the answer was complete');
  });
});
