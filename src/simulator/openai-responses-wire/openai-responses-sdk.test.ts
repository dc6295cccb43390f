import OpenAI, { type APIError } from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import type { FunctionTool, ResponseInputItem } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.02 });
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-responses-sdk', maxRetries: 0 });
});
afterAll(() => simulator.close());

const weatherTool: FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
  strict: true,
};

function caught(promise: Promise<unknown>): Promise<APIError> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error as APIError,
  );
}

describe('the official SDK against the Responses wire', () => {
  it('responses.create answers with output_text, with and without instructions', async () => {
    const plain = await client.responses.create({ model: 'gpt-4.1', input: 'Describe the Danube delta' });
    expect(plain.status).toBe('completed');
    expect(plain.output_text).toMatch(/Danube|delta/);
    expect(plain.instructions).toBeNull();
    const guided = await client.responses.create({
      model: 'gpt-4.1',
      instructions: 'You are a river guide.',
      input: 'Describe the Danube delta',
    });
    expect(guided.instructions).toBe('You are a river guide.');
    expect(guided.output_text).not.toBe(plain.output_text);
    expect(guided.usage!.input_tokens).toBeGreaterThan(plain.usage!.input_tokens);
    expect(simulator.requests.at(-1)!.body).toMatchObject({ instructions: 'You are a river guide.' });
  });

  it('responses.stream and create({stream: true}) deliver the text as deltas', async () => {
    const stream = client.responses.stream({ model: 'sim-fast', input: 'Explain how tides work' });
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(final.output_text);

    const events = await client.responses.create({
      model: 'sim-fast',
      input: 'Explain how tides work',
      stream: true,
    });
    let text = '';
    const sequence: number[] = [];
    for await (const event of events) {
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(text).toBe(final.output_text);
    expect(sequence).toEqual(sequence.map((_, index) => index));
  });

  it('a function-calling round trip: call, function_call_output with the call_id, text answer', async () => {
    const input: ResponseInputItem[] = [{ role: 'user', content: 'What is the weather in Bergen?' }];
    const first = await client.responses.create({
      model: 'gpt-4.1',
      input,
      tools: [weatherTool],
      tool_choice: 'required',
    });
    const call = first.output[0]!;
    expect(call.type).toBe('function_call');
    if (call.type !== 'function_call') return;
    expect(call.name).toBe('get_weather');
    expect(JSON.parse(call.arguments)).toEqual({ city: expect.any(String) });

    const second = await client.responses.create({
      model: 'gpt-4.1',
      input: [
        ...input,
        ...first.output,
        { type: 'function_call_output', call_id: call.call_id, output: '{"temperature_c":11,"sky":"rain"}' },
      ] as ResponseInputItem[],
      tools: [weatherTool],
    });
    expect(second.output.map((item) => item.type)).toEqual(['message']);
    expect(second.output_text).toContain('According to get_weather');
    expect(second.output_text).toContain('"temperature_c":11');

    const unanswered = await caught(
      client.responses.create({
        model: 'gpt-4.1',
        input: [{ type: 'function_call_output', call_id: 'call_unknown', output: '1' }],
      }),
    );
    expect([unanswered.status, unanswered.param]).toEqual([400, 'input']);
  });

  it('previous_response_id continues the stored conversation, tool calls included', async () => {
    const first = await client.responses.create({ model: 'gpt-4.1', input: 'Plan a weekend in Porto' });
    const second = await client.responses.create({
      model: 'gpt-4.1',
      previous_response_id: first.id,
      input: 'Which museums should I see?',
    });
    expect(second.previous_response_id).toBe(first.id);
    // The same conversation sent in full gets the same answer and the same input count: the
    // simulator saw the first turn, its answer and the new question.
    const explicit = await client.responses.create({
      model: 'gpt-4.1',
      input: [
        { role: 'user', content: 'Plan a weekend in Porto' },
        { role: 'assistant', content: first.output_text },
        { role: 'user', content: 'Which museums should I see?' },
      ],
    });
    expect(second.output_text).toBe(explicit.output_text);
    expect(second.usage!.input_tokens).toBe(explicit.usage!.input_tokens);
    expect(second.usage!.input_tokens).toBeGreaterThan(
      first.usage!.input_tokens + first.usage!.output_tokens,
    );

    const called = await client.responses.create({
      model: 'gpt-4.1',
      input: 'Weather in Tromsø?',
      tools: [weatherTool],
      tool_choice: 'required',
    });
    const call = called.output[0]!;
    if (call.type !== 'function_call') throw new Error('expected a function call');
    const answered = await client.responses.create({
      model: 'gpt-4.1',
      previous_response_id: called.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: 'snow, -4 C' }],
      tools: [weatherTool],
    });
    expect(answered.output_text).toContain('According to get_weather, the result is snow, -4 C.');
  });

  it('JSON schema output through text.format, parsed by responses.parse', async () => {
    const Booking = z.object({
      city: z.string(),
      nights: z.number().int().min(1).max(14),
      breakfast: z.boolean(),
      room: z.enum(['single', 'double', 'suite']),
    });
    const response = await client.responses.parse({
      model: 'gpt-4.1',
      input: 'Book a room in Lisbon',
      text: { format: zodTextFormat(Booking, 'booking') },
    });
    expect(Booking.safeParse(response.output_parsed).success).toBe(true);
    expect(response.text?.format).toMatchObject({ type: 'json_schema', name: 'booking', strict: true });
  });

  it('responses.retrieve returns a stored response and responses.delete removes it', async () => {
    const created = await client.responses.create({
      model: 'gpt-4.1',
      input: 'List three lakes',
      metadata: { run: '7' },
    });
    const retrieved = await client.responses.retrieve(created.id);
    expect(retrieved).toEqual(created);
    await client.responses.delete(created.id);
    const gone = await caught(client.responses.retrieve(created.id));
    expect(gone).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('errors: missing model, sim-429, unknown previous response, bad key, midstream failure', async () => {
    const missingModel = await caught(
      client.responses.create({ input: 'hi' } as unknown as { model: string }),
    );
    expect(missingModel).toBeInstanceOf(OpenAI.BadRequestError);
    expect([missingModel.status, missingModel.param, missingModel.code]).toEqual([
      400,
      'model',
      'missing_required_parameter',
    ]);
    const limited = await caught(client.responses.create({ model: 'sim-429', input: 'hi' }));
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.headers?.get('retry-after')).toBe('1');
    const unknown = await caught(
      client.responses.create({ model: 'gpt-4.1', input: 'hi', previous_response_id: 'resp_nope' }),
    );
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknown.message).toContain("Previous response with id 'resp_nope' not found.");
    const badKey = new OpenAI({
      baseURL: `${simulator.url}/v1`,
      apiKey: 'sk-invalid-123456789',
      maxRetries: 0,
    });
    expect(await caught(badKey.responses.create({ model: 'gpt-4.1', input: 'hi' }))).toBeInstanceOf(
      OpenAI.AuthenticationError,
    );
    const down = await caught(client.responses.create({ model: 'sim-down', input: 'hi' }));
    expect(down).toBeInstanceOf(OpenAI.InternalServerError);

    const failing = await client.responses.create({ model: 'sim-fail-midstream', input: 'hi', stream: true });
    const types: string[] = [];
    for await (const event of failing) types.push(event.type);
    expect(types.slice(-2)).toEqual(['error', 'response.failed']);
  });
});
