import { request as httpRequest } from 'node:http';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAISpecValidator } from '../../../test/support/openai-spec-validator.js';
import { countSimulatedTokens, splitIntoSimulatedTokens } from '../count-simulated-tokens.js';
import { createSimulator, type Simulator } from '../index.js';

/**
 * Everything the Responses wire sends checked against OpenAI's own OpenAPI document: bodies against
 * `Response`, each stream event against its event schema, error bodies against `ErrorResponse`.
 */
const validate = createOpenAISpecValidator();
const eventSchemas: Record<string, string> = {
  'response.created': 'ResponseCreatedEvent',
  'response.in_progress': 'ResponseInProgressEvent',
  'response.output_item.added': 'ResponseOutputItemAddedEvent',
  'response.content_part.added': 'ResponseContentPartAddedEvent',
  'response.output_text.delta': 'ResponseTextDeltaEvent',
  'response.output_text.done': 'ResponseTextDoneEvent',
  'response.content_part.done': 'ResponseContentPartDoneEvent',
  'response.output_item.done': 'ResponseOutputItemDoneEvent',
  'response.function_call_arguments.delta': 'ResponseFunctionCallArgumentsDeltaEvent',
  'response.function_call_arguments.done': 'ResponseFunctionCallArgumentsDoneEvent',
  'response.completed': 'ResponseCompletedEvent',
  'response.incomplete': 'ResponseIncompleteEvent',
  'response.failed': 'ResponseFailedEvent',
  error: 'ResponseErrorEvent',
};

type Json = Record<string, unknown>;
interface StreamEvent {
  type: string;
  sequence_number: number;
  [field: string]: unknown;
}

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.02 });
});
afterAll(() => simulator.close());

const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { enum: ['c', 'f'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
  strict: true,
};
const timeTool = {
  type: 'function',
  name: 'get_time',
  parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
};

function post(body: unknown, path = '/v1/responses', apiKey = 'sk-spec-test'): Promise<Response> {
  return fetch(simulator.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function postJson(body: unknown): Promise<Json> {
  const response = await post(body);
  expect(response.status).toBe(200);
  const json = (await response.json()) as Json;
  expect(validate('Response', json)).toEqual([]);
  return json;
}

/** Parses the stream, checks every event's name, schema and sequence number, and returns the events. */
function parseStream(body: string): StreamEvent[] {
  expect(body).not.toContain('[DONE]');
  const events = body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const [eventLine, dataLine, ...rest] = block.split('\n');
      expect(rest).toEqual([]);
      expect(eventLine).toMatch(/^event: /);
      expect(dataLine).toMatch(/^data: /);
      const event = JSON.parse(dataLine!.slice('data: '.length)) as StreamEvent;
      expect(eventLine!.slice('event: '.length)).toBe(event.type);
      return event;
    });
  events.forEach((event, index) => {
    expect(event.sequence_number).toBe(index);
    const schema = eventSchemas[event.type];
    expect(schema, `no schema for ${event.type}`).toBeDefined();
    expect(validate(schema!, event), event.type).toEqual([]);
    expect(validate('ResponseStreamEvent', event), event.type).toEqual([]);
  });
  return events;
}

async function postStream(body: Json): Promise<StreamEvent[]> {
  const response = await post({ ...body, stream: true });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  return parseStream(await response.text());
}

/** Reads a response until the server ends or destroys the connection, whatever happens. */
function readUntilClosed(body: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${simulator.url}/v1/responses`,
      { method: 'POST', headers: { authorization: 'Bearer sk-cut', 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('close', () => resolve(text));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

function textOfOutput(response: Json): string {
  const output = response.output as Array<{ type: string; content?: Array<{ text: string }> }>;
  return output
    .filter((item) => item.type === 'message')
    .flatMap((item) => item.content!.map((part) => part.text))
    .join('');
}

describe('Responses bodies against the spec', () => {
  it('a text answer echoes every setting and counts exactly what it emitted', async () => {
    const metadata = { team: 'routing', ticket: 'ARB-12' };
    const response = await postJson({
      model: 'gpt-4.1',
      instructions: 'Answer like a travel guide.',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'Describe the Edinburgh festival' }] }],
      temperature: 0.4,
      top_p: 0.9,
      metadata,
      tools: [weatherTool, { type: 'web_search' }],
      parallel_tool_calls: false,
      user: 'user-7',
    });
    expect(response).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'gpt-4.1',
      instructions: 'Answer like a travel guide.',
      temperature: 0.4,
      top_p: 0.9,
      metadata,
      tool_choice: 'auto',
      parallel_tool_calls: false,
      store: true,
      previous_response_id: null,
      max_output_tokens: null,
      text: { format: { type: 'text' } },
      tools: [weatherTool, { type: 'web_search' }],
      error: null,
      incomplete_details: null,
      user: 'user-7',
    });
    expect(response.id).toMatch(/^resp_[0-9a-f]{48}$/);
    const [message, ...others] = response.output as Json[];
    expect(others).toEqual([]);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });
    expect(message!.id).toMatch(/^msg_[0-9a-f]{48}$/);
    expect(message!.content).toEqual([
      { type: 'output_text', annotations: [], logprobs: [], text: expect.any(String) },
    ]);
    const text = textOfOutput(response);
    expect(text).toMatch(/festival/i);
    const usage = response.usage as Record<string, number>;
    expect(usage).toMatchObject({
      output_tokens: countSimulatedTokens(text),
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    });
    expect(usage.total_tokens).toBe(usage.input_tokens! + usage.output_tokens!);
  });

  it('forced and parallel tool calls are function_call items with fc_ ids and call_ call ids', async () => {
    const response = await postJson({
      model: 'sim-tools',
      input: 'What is the weather and the time in Oslo?',
      tools: [weatherTool, timeTool],
    });
    const calls = response.output as Array<Record<string, string>>;
    expect(calls.map((call) => [call.type, call.name, call.status])).toEqual([
      ['function_call', 'get_weather', 'completed'],
      ['function_call', 'get_time', 'completed'],
    ]);
    for (const call of calls) {
      expect(call.id).toMatch(/^fc_[0-9a-f]{48}$/);
      expect(call.call_id).toMatch(/^call_[A-Za-z0-9]{24}$/);
      expect(JSON.parse(call.arguments!)).toBeTypeOf('object');
    }
    expect(JSON.parse(calls[0]!.arguments!)).toMatchObject({ city: expect.any(String) });
    // Echoed function tools carry every field, `strict` defaulting to true.
    expect((response.tools as Json[])[1]).toEqual({ ...timeTool, description: null, strict: true });
    const expectedTokens = calls.reduce(
      (sum, call) => sum + countSimulatedTokens(call.name!) + countSimulatedTokens(call.arguments!),
      0,
    );
    expect((response.usage as Json).output_tokens).toBe(expectedTokens);
    const forced = await postJson({
      model: 'gpt-4o',
      input: 'Oslo weather',
      tools: [weatherTool, timeTool],
      tool_choice: { type: 'function', name: 'get_time' },
    });
    expect((forced.output as Json[]).map((item) => item.name)).toEqual(['get_time']);
    expect(forced.tool_choice).toEqual({ type: 'function', name: 'get_time' });
  });

  it('json_schema text format gives JSON valid for the schema, and echoes the format', async () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        nights: { type: 'integer', minimum: 1, maximum: 14 },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
      },
      required: ['city', 'nights', 'tags'],
      additionalProperties: false,
    };
    const format = { type: 'json_schema', name: 'booking', schema, strict: true };
    const response = await postJson({ model: 'gpt-4o', input: 'Book Lisbon', text: { format } });
    expect(response.text).toEqual({ format, verbosity: 'medium' });
    const parsed: unknown = JSON.parse(textOfOutput(response));
    expect(new Ajv().validate(schema, parsed)).toBe(true);
    const jsonObject = await postJson({
      model: 'gpt-4o',
      input: 'JSON please',
      text: { format: { type: 'json_object' } },
    });
    expect(JSON.parse(textOfOutput(jsonObject))).toBeTypeOf('object');
  });

  it('max_output_tokens cuts the answer: status incomplete with reason max_output_tokens', async () => {
    const response = await postJson({
      model: 'gpt-4o',
      input: 'Explain consensus protocols',
      max_output_tokens: 16,
    });
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      max_output_tokens: 16,
      completed_at: null,
      usage: { output_tokens: 16 },
    });
    expect((response.output as Json[])[0]!.status).toBe('incomplete');
    expect(splitIntoSimulatedTokens(textOfOutput(response))).toHaveLength(16);
  });

  it('error bodies are OpenAI error envelopes', async () => {
    const cases: Array<[Response, number, Json]> = [
      [await post({ input: 'hi' }), 400, { param: 'model', code: 'missing_required_parameter' }],
      [
        await post({ model: 'gpt-4o', input: 'hi' }, '/v1/responses', 'sk-invalid-key'),
        401,
        { code: 'invalid_api_key' },
      ],
      [await post({ model: 'sim-nope', input: 'hi' }), 404, { code: 'model_not_found' }],
      [await post({ model: 'sim-down', input: 'hi' }), 503, { type: 'server_error' }],
      [await post({ model: 'sim-429', input: 'hi' }), 429, { code: 'rate_limit_exceeded' }],
      [
        await post({ model: 'gpt-4o', input: 'hi', previous_response_id: 'resp_missing' }),
        404,
        {
          message: "Previous response with id 'resp_missing' not found.",
          param: 'previous_response_id',
          code: 'previous_response_not_found',
        },
      ],
      [await fetch(`${simulator.url}/v1/responses`, { headers: { authorization: 'Bearer sk-1' } }), 404, {}],
    ];
    for (const [response, status, error] of cases) {
      const body = (await response.json()) as Json;
      expect(response.status).toBe(status);
      // Server errors carry only `message` and `type`, as OpenAI's do (fixture openai/error-500-server-error.json),
      // though the spec's `Error` requires `param` and `code`.
      if (status < 500) expect(validate('ErrorResponse', body)).toEqual([]);
      expect(body.error).toMatchObject(error);
    }
  });

  it('serves any path that ends in /responses', async () => {
    for (const path of ['/responses', '/openai/v1/responses', '/v1/responses']) {
      expect((await post({ model: 'sim-instant', input: 'Hello' }, path)).status).toBe(200);
    }
  });
});

describe('stored responses', () => {
  const get = (id: string, method = 'GET') =>
    fetch(`${simulator.url}/v1/responses/${id}`, { method, headers: { authorization: 'Bearer sk-store' } });

  it('GET returns a stored response as created and DELETE forgets it', async () => {
    const created = await postJson({ model: 'gpt-4o', input: 'Name three rivers' });
    const retrieved = await get(created.id as string);
    expect(retrieved.status).toBe(200);
    const body = (await retrieved.json()) as Json;
    expect(validate('Response', body)).toEqual([]);
    expect(body).toEqual(created);
    const deleted = await get(created.id as string, 'DELETE');
    expect(await deleted.json()).toEqual({ id: created.id, object: 'response', deleted: true });
    expect((await get(created.id as string)).status).toBe(404);
    expect((await get(created.id as string, 'DELETE')).status).toBe(404);
  });

  it('store: false responses, unknown ids and missing keys are refused', async () => {
    const unstored = await postJson({ model: 'gpt-4o', input: 'Ephemeral', store: false });
    expect(unstored.store).toBe(false);
    const missing = await get(unstored.id as string);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: Json }).error.message).toBe(
      `Response with id '${String(unstored.id)}' not found.`,
    );
    expect((await fetch(`${simulator.url}/v1/responses/resp_1`)).status).toBe(401);
  });
});

describe('Responses streams against the spec', () => {
  it('a text stream: lifecycle, one message item, deltas that add up to the final text', async () => {
    const events = await postStream({ model: 'sim-fast', input: 'Describe the Lisbon tram network' });
    const types = events.map((event) => event.type);
    const deltas = events.filter((event) => event.type === 'response.output_text.delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...deltas.map(() => 'response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const created = events[0]!.response as Json;
    expect(created).toMatchObject({ status: 'in_progress', output: [] });
    const completed = events.at(-1)!.response as Json;
    expect(completed.id).toBe(created.id);
    const text = deltas.map((event) => event.delta).join('');
    expect(events.find((event) => event.type === 'response.output_text.done')!.text).toBe(text);
    expect(textOfOutput(completed)).toBe(text);
    expect((completed.usage as Json).output_tokens).toBe(deltas.length);
    const itemId = (events[2]!.item as Json).id;
    expect(deltas.every((event) => event.item_id === itemId && event.output_index === 0)).toBe(true);
  });

  it('a tool-call stream: per call item added, argument deltas, arguments done, item done', async () => {
    const events = await postStream({
      model: 'sim-tools',
      input: 'Weather and time in Oslo',
      tools: [weatherTool, timeTool],
    });
    const structure = events
      .map((event) => event.type)
      .filter((type) => type !== 'response.function_call_arguments.delta');
    expect(structure).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const completed = events.at(-1)!.response as { output: Array<Record<string, string>> };
    for (const [index, call] of completed.output.entries()) {
      const argumentsText = events
        .filter(
          (event) => event.type === 'response.function_call_arguments.delta' && event.output_index === index,
        )
        .map((event) => event.delta)
        .join('');
      expect(argumentsText).toBe(call.arguments);
      const done = events.find(
        (event) => event.type === 'response.function_call_arguments.done' && event.output_index === index,
      );
      expect(done).toMatchObject({ item_id: call.id, name: call.name, arguments: call.arguments });
    }
  });

  it('a stream cut by max_output_tokens ends with response.incomplete', async () => {
    const events = await postStream({
      model: 'sim-instant',
      input: 'Explain caching',
      max_output_tokens: 20,
    });
    const last = events.at(-1)!;
    expect(last.type).toBe('response.incomplete');
    expect(last.response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      usage: { output_tokens: 20 },
    });
    expect(events.filter((event) => event.type === 'response.output_text.delta')).toHaveLength(20);
  });

  it('sim-fail-midstream sends a few deltas, then an error event and response.failed', async () => {
    const events = await postStream({ model: 'sim-fail-midstream', input: 'Summarise the audit' });
    expect(events.map((event) => event.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'error',
      'response.failed',
    ]);
    expect(events.at(-2)).toMatchObject({ code: 'server_error', param: null });
    expect(events.at(-1)!.response).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
    const plain = await post({ model: 'sim-fail-midstream', input: 'Summarise the audit' });
    expect(plain.status).toBe(500);
  });

  it('sim-cut destroys the stream after three deltas, without a closing event', async () => {
    const body = await readUntilClosed({ model: 'sim-cut', input: 'Tell me about rivers', stream: true });
    const blocks = body.split('\n\n').filter((block) => block !== '');
    const types = blocks.map((block) => block.split('\n')[0]!.slice('event: '.length));
    expect(types.filter((type) => type === 'response.output_text.delta')).toHaveLength(3);
    expect(types).not.toContain('response.completed');
    expect(types[0]).toBe('response.created');
  });

  it('sim-hang never answers, sim-slow waits its TTFT, sim-instant does not', async () => {
    const timed = await createSimulator({ timeScale: 0.1 });
    const measure = async (model: string): Promise<{ headersInMs: number; firstDeltaInMs: number }> => {
      const startedAt = performance.now();
      const response = await fetch(`${timed.url}/v1/responses`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk-time', 'content-type': 'application/json' },
        body: JSON.stringify({ model, input: 'Hello there', stream: true }),
      });
      const headersInMs = performance.now() - startedAt;
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('response.output_text.delta')) {
        const { value } = await reader.read();
        text += new TextDecoder().decode(value);
      }
      await reader.cancel();
      return { headersInMs, firstDeltaInMs: performance.now() - startedAt };
    };
    // sim-slow: latency 200 ms and TTFT 1300 ms, 10 % jitter, at timeScale 0.1. The headers and
    // `response.created` come after the latency; the first delta waits for the TTFT.
    const slow = await measure('sim-slow');
    expect(slow.headersInMs).toBeLessThan(100);
    expect(slow.firstDeltaInMs).toBeGreaterThan(130);
    expect((await measure('sim-instant')).firstDeltaInMs).toBeLessThan(100);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const hanging = fetch(`${timed.url}/v1/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-time', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sim-hang', input: 'Hello' }),
      signal: controller.signal,
    });
    await expect(hanging).rejects.toThrow(/abort/i);
    await timed.close();
  });
});
