import { Ajv } from 'ajv';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.02 });
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-answers-test', maxRetries: 0 });
});
afterAll(() => simulator.close());

const question = [
  { role: 'user' as const, content: 'How does response caching reduce latency for a gateway?' },
];
const ajv = new Ajv({ strict: false })
  .addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/)
  .addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

const bookingSchema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    nights: { type: 'integer', minimum: 1, maximum: 14 },
    budget: { type: 'number', exclusiveMinimum: 0, maximum: 500 },
    breakfast: { type: 'boolean' },
    room: { enum: ['single', 'double', 'suite'] },
    guests: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        properties: { name: { type: 'string', minLength: 2 }, email: { type: 'string', format: 'email' } },
        required: ['name', 'email'],
        additionalProperties: false,
      },
    },
    notes: { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'null' }] },
    arrival: { type: 'string', format: 'date' },
    loyalty: { oneOf: [{ $ref: '#/$defs/loyalty' }, { type: 'null' }] },
    currency: { type: 'string', default: 'EUR' },
  },
  required: ['city', 'nights', 'budget', 'breakfast', 'room', 'guests', 'notes', 'arrival', 'loyalty'],
  additionalProperties: false,
  $defs: {
    loyalty: {
      type: 'object',
      properties: {
        tier: { type: 'string', enum: ['silver', 'gold'] },
        points: { type: 'integer', minimum: 0 },
      },
      required: ['tier', 'points'],
    },
  },
};

describe('the official SDK as client', () => {
  it('non-stream: a plausible English answer that mentions the prompt, with consistent usage', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: question });
    const choice = completion.choices[0]!;
    expect(completion.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(completion.system_fingerprint).toMatch(/^fp_[0-9a-f]{10}$/);
    expect(choice.finish_reason).toBe('stop');
    expect(choice.message.content).toMatch(/^[A-Z][^]*[.!?]$/);
    expect(choice.message.content).toMatch(/caching|response|latency|gateway/);
    const usage = completion.usage!;
    expect(usage.completion_tokens).toBeGreaterThanOrEqual(30);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('stream with include_usage: the streamed chunks are exactly completion_tokens', async () => {
    const stream = await client.chat.completions.create({
      model: 'sim-fast',
      messages: question,
      stream: true,
      stream_options: { include_usage: true },
    });
    let contentChunks = 0;
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.content;
      if (delta) {
        contentChunks++;
        text += delta;
      }
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(finishReason).toBe('stop');
    expect(usage?.completion_tokens).toBe(contentChunks);
    const nonStream = await client.chat.completions.create({ model: 'sim-fast', messages: question });
    expect(text).toBe(nonStream.choices[0]!.message.content);
    expect(nonStream.usage).toEqual(usage);
  });

  it('stream without include_usage carries no usage at all', async () => {
    const stream = await client.chat.completions.create({
      model: 'sim-fast',
      messages: question,
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });

  it('a forced tool choice yields arguments that validate against the declared schema', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Book me a hotel in Lisbon for next week' }],
      tools: [{ type: 'function', function: { name: 'book_hotel', parameters: bookingSchema } }],
      tool_choice: { type: 'function', function: { name: 'book_hotel' } },
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0]!;
    expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    if (call.type !== 'function') throw new Error('expected a function call');
    const parsedArguments = JSON.parse(call.function.arguments) as { city: string; currency: string };
    expect(ajv.validate(bookingSchema, parsedArguments), ajv.errorsText()).toBe(true);
    expect(parsedArguments.city).toBe('Lisbon');
    expect(parsedArguments.currency).toBe('EUR');
  });

  it('streams tool calls that accumulate into valid arguments, and a tool round trip ends in text', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: {
            type: 'object',
            properties: { location: { type: 'string' } },
            required: ['location'],
          },
        },
      },
      { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Tokyo?' }];
    const runner = client.chat.completions.stream({ model: 'sim-tools', messages, tools });
    const first = await runner.finalChatCompletion();
    const calls = first.choices[0]!.message.tool_calls!;
    expect(calls.map((call) => (call.type === 'function' ? call.function.name : ''))).toEqual([
      'get_weather',
      'get_time',
    ]);
    const weather = calls[0]!;
    if (weather.type !== 'function') throw new Error('expected a function call');
    expect(JSON.parse(weather.function.arguments)).toEqual({ location: 'Tokyo' });

    messages.push(first.choices[0]!.message);
    for (const call of calls)
      messages.push({ role: 'tool', tool_call_id: call.id, content: '{"temperature":21}' });
    const second = await client.chat.completions.create({ model: 'sim-tools', messages, tools });
    expect(second.choices[0]!.finish_reason).toBe('stop');
    expect(second.choices[0]!.message.content).toContain(
      'According to get_weather, the result is {"temperature":21}.',
    );
  });

  it('max_tokens and max_completion_tokens stop after exactly N tokens with finish_reason length', async () => {
    for (const limit of [{ max_tokens: 7 }, { max_completion_tokens: 12 }]) {
      const stream = await client.chat.completions.create({
        model: 'sim-fast',
        messages: question,
        stream: true,
        stream_options: { include_usage: true },
        ...limit,
      });
      let contentChunks = 0;
      let finishReason: string | null = null;
      let completionTokens = 0;
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) contentChunks++;
        finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
        completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
      }
      const expected = Object.values(limit)[0];
      expect(contentChunks).toBe(expected);
      expect(completionTokens).toBe(expected);
      expect(finishReason).toBe('length');
    }
  });

  it('stop cuts the text before the first stop sequence', async () => {
    const full = (await client.chat.completions.create({ model: 'sim-fast', messages: question })).choices[0]!
      .message.content!;
    const words = full.split(' ');
    const stopWord = ` ${words[4]!}`;
    const stopped = await client.chat.completions.create({
      model: 'sim-fast',
      messages: question,
      stop: ['sequence-that-never-appears', stopWord],
    });
    expect(stopped.choices[0]!.finish_reason).toBe('stop');
    expect(stopped.choices[0]!.message.content).toBe(full.slice(0, full.indexOf(stopWord)));
  });

  it('n=2 returns two different deterministic choices, streamed with the right indexes', async () => {
    const completion = await client.chat.completions.create({ model: 'sim-fast', messages: question, n: 2 });
    const [first, second] = completion.choices.map((choice) => choice.message.content);
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1]);
    expect(first).not.toBe(second);

    const stream = await client.chat.completions.create({
      model: 'sim-fast',
      messages: question,
      n: 2,
      stream: true,
      stream_options: { include_usage: true },
    });
    const texts = ['', ''];
    let completionTokens = 0;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) texts[choice.index] += choice.delta.content ?? '';
      completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
    }
    expect(texts).toEqual([first, second]);
    expect(completionTokens).toBe(completion.usage!.completion_tokens);
  });

  it('json_schema output is valid JSON that validates against the schema; json_object is a JSON object', async () => {
    const completion = await client.chat.completions.create({
      model: 'sim-fast',
      messages: [{ role: 'user', content: 'Plan a trip to Berlin' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'booking', schema: bookingSchema, strict: true },
      },
    });
    const parsed = JSON.parse(completion.choices[0]!.message.content!) as { city: string };
    expect(ajv.validate(bookingSchema, parsed), ajv.errorsText()).toBe(true);
    expect(parsed.city).toBe('Berlin');

    const objectMode = await client.chat.completions.create({
      model: 'sim-fast',
      messages: question,
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(objectMode.choices[0]!.message.content!)).toMatchObject({ topic: 'response' });
  });

  it('the same prompt gives the same text; seed and temperature vary it deterministically', async () => {
    const ask = async (extra: object) =>
      (await client.chat.completions.create({ model: 'sim-fast', messages: question, ...extra })).choices[0]!
        .message.content;
    expect(await ask({})).toBe(await ask({}));
    expect(await ask({ seed: 7 })).toBe(await ask({ seed: 7 }));
    expect(await ask({ seed: 7 })).not.toBe(await ask({ seed: 8 }));
    expect(await ask({ temperature: 0.2 })).not.toBe(await ask({ temperature: 1.2 }));
  });

  it('serves Groq-style and DeepSeek-style base URLs and lists the behaviours', async () => {
    for (const baseURL of [`${simulator.url}/openai/v1`, simulator.url]) {
      const other = new OpenAI({ baseURL, apiKey: 'sk-answers-test', maxRetries: 0 });
      const completion = await other.chat.completions.create({
        model: 'llama-3.3-70b-versatile',
        messages: question,
      });
      expect(completion.model).toBe('llama-3.3-70b-versatile');
    }
    const models = await client.models.list();
    const ids = models.data.map((model) => model.id);
    expect(ids).toEqual(
      expect.arrayContaining(['sim-fast', 'sim-instant', 'sim-flaky', 'sim-429', 'sim-hang']),
    );
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'arbiter-simulator' });
    expect((await client.models.retrieve('sim-slow')).id).toBe('sim-slow');
  });
});
