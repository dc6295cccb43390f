import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

const fixtureDirectory = new URL('../../../../shared/fixtures/providers/anthropic/', import.meta.url);
const readFixture = (name: string): string => readFileSync(new URL(name, fixtureDirectory), 'utf8');
const readJsonFixture = (name: string): unknown => JSON.parse(readFixture(name));

interface RawEvent {
  event: string;
  data: string;
  json: Record<string, unknown>;
}

/** Events of a raw SSE body, split exactly as written: `event: <name>\ndata: <json>` blocks. */
function splitEvents(body: string): RawEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const [eventLine, dataLine, ...rest] = block.split('\n');
      expect(rest).toEqual([]);
      expect(eventLine).toMatch(/^event: \w+$/);
      expect(dataLine).toMatch(/^data: /);
      const data = dataLine!.slice('data: '.length);
      return {
        event: eventLine!.slice('event: '.length),
        data,
        json: JSON.parse(data) as Record<string, unknown>,
      };
    });
}

/**
 * Every key path of a JSON value, in document order, with its JSON type: `message.usage.input_tokens: number`.
 * Two values with equal descriptions have the same keys in the same order with the same types.
 */
function describeShape(value: unknown, path = '$'): string[] {
  if (value === null) return [`${path}: null`];
  if (Array.isArray(value)) {
    return [`${path}: array`, ...value.flatMap((item, index) => describeShape(item, `${path}[${index}]`))];
  }
  if (typeof value === 'object') {
    return [
      `${path}: object`,
      ...Object.entries(value).flatMap(([key, item]) => describeShape(item, `${path}.${key}`)),
    ];
  }
  return [`${path}: ${typeof value}`];
}

const firstOfType = (events: RawEvent[], name: string, deltaType?: string): RawEvent => {
  const found = events.find(
    (event) =>
      event.event === name &&
      (deltaType === undefined ||
        (event.json.delta as { type?: string } | undefined)?.type === deltaType ||
        (event.json.content_block as { type?: string } | undefined)?.type === deltaType),
  );
  expect(found, `${name} ${deltaType ?? ''}`).toBeDefined();
  return found!;
};

const question = [{ role: 'user', content: 'What is the weather like in Edinburgh this week?' }];
const weatherTool = {
  name: 'get_weather',
  description: 'Weather in a city',
  input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0, profiles: { 'sim-always-500': { errorRate: 1 } } });
});
afterAll(() => simulator.close());

async function post(body: unknown, options: { apiKey?: string; path?: string; version?: boolean } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey !== '') headers['x-api-key'] = options.apiKey ?? 'sk-ant-conformance';
  if (options.version !== false) headers['anthropic-version'] = '2023-06-01';
  return fetch(`${simulator.url}${options.path ?? '/v1/messages'}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('non-stream Messages match the fixtures', () => {
  it('text: same key paths, order and types as anthropic/nonstream-text.json, compact JSON', async () => {
    const response = await post({ model: 'claude-sonnet-4-5', max_tokens: 200, messages: question });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('request-id')).toMatch(/^req_011C[A-Za-z0-9]{20}$/);
    expect(describeShape(JSON.parse(text))).toEqual(describeShape(readJsonFixture('nonstream-text.json')));
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(JSON.parse(text)).toMatchObject({
      id: expect.stringMatching(/^msg_01[A-Za-z0-9]{22}$/),
      stop_reason: 'end_turn',
    });
  });

  it('tool use: the tool_use block shaped like anthropic/nonstream-tool-use.json', async () => {
    const response = await post({
      model: 'sim-tools',
      max_tokens: 200,
      messages: question,
      tools: [weatherTool],
    });
    const body = (await response.json()) as { content: unknown[]; stop_reason: string };
    const fixture = readJsonFixture('nonstream-tool-use.json') as { content: unknown[] };
    expect(body.stop_reason).toBe('tool_use');
    const withoutInput = (block: unknown) =>
      describeShape(block).filter((line) => !line.startsWith('$.input.'));
    expect(withoutInput(body.content[0])).toEqual(withoutInput(fixture.content[1]));
    expect(body.content[0]).toMatchObject({
      id: expect.stringMatching(/^toolu_01[A-Za-z0-9]{22}$/),
      input: { location: 'Edinburgh' },
    });
  });
});

describe('streams match the fixtures', () => {
  it('text: the event sequence and every payload shape of stream-text.sse / stream-tool-use.sse', async () => {
    const response = await post({ model: 'sim-fast', max_tokens: 200, messages: question, stream: true });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = splitEvents(await response.text());
    const fixture = splitEvents(readFixture('stream-text.sse'));
    const names = events.map((event) => event.event);
    const deltaCount = names.filter((name) => name === 'content_block_delta').length;
    expect(names).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array<string>(deltaCount).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(deltaCount).toBeGreaterThan(10);
    // message_start with cache counts and service_tier, as in the newer capture.
    const toolFixture = splitEvents(readFixture('stream-tool-use.sse'));
    expect(describeShape(events[0]!.json)).toEqual(describeShape(toolFixture[0]!.json));
    for (let index = 1; index < fixture.length; index++) {
      const counterpart = events.find((event) => event.event === fixture[index]!.event)!;
      expect(describeShape(counterpart.json), fixture[index]!.event).toEqual(
        describeShape(fixture[index]!.json),
      );
    }
    expect(events[2]!.data).toBe('{"type": "ping"}');
  });

  it('frames every event as `event:` + compact `data:` whose type is the event name, ending with message_stop', async () => {
    for (const body of [
      { model: 'sim-fast', max_tokens: 50, messages: question, stream: true },
      { model: 'sim-tools', max_tokens: 200, messages: question, stream: true, tools: [weatherTool] },
    ]) {
      const raw = await (await post(body)).text();
      expect(raw).not.toContain('\r');
      expect(raw.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
      for (const event of splitEvents(raw)) {
        expect(event.json.type).toBe(event.event);
        if (event.event !== 'ping') expect(event.data).toBe(JSON.stringify(event.json));
      }
    }
  });

  it('tool use: block start, the empty first input_json_delta and fragments as in stream-tool-use.sse', async () => {
    const raw = await (
      await post({
        model: 'sim-tools',
        max_tokens: 200,
        messages: question,
        stream: true,
        tools: [weatherTool],
      })
    ).text();
    const events = splitEvents(raw);
    const fixture = splitEvents(readFixture('stream-tool-use.sse'));
    const start = firstOfType(events, 'content_block_start', 'tool_use');
    expect(describeShape(start.json)).toEqual(
      describeShape(firstOfType(fixture, 'content_block_start', 'tool_use').json),
    );
    const fragments = events.filter(
      (event) => (event.json.delta as { type?: string } | undefined)?.type === 'input_json_delta',
    );
    expect(describeShape(fragments[0]!.json)).toEqual(
      describeShape(firstOfType(fixture, 'content_block_delta', 'input_json_delta').json),
    );
    expect(fragments[0]!.json).toMatchObject({ delta: { partial_json: '' } });
    const input = fragments
      .map((event) => (event.json.delta as { partial_json: string }).partial_json)
      .join('');
    expect(JSON.parse(input)).toEqual({ location: 'Edinburgh' });
    expect(firstOfType(events, 'message_delta').json).toMatchObject({ delta: { stop_reason: 'tool_use' } });
  });

  it('thinking: a thinking block with thinking_delta and signature_delta as in stream-thinking-refusal.sse', async () => {
    const raw = await (
      await post({
        model: 'sim-fast',
        max_tokens: 4000,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: question,
        stream: true,
      })
    ).text();
    const events = splitEvents(raw);
    const fixture = splitEvents(readFixture('stream-thinking-refusal.sse'));
    for (const [name, type] of [
      ['content_block_start', 'thinking'],
      ['content_block_delta', 'thinking_delta'],
      ['content_block_delta', 'signature_delta'],
    ] as const) {
      expect(describeShape(firstOfType(events, name, type).json), type).toEqual(
        describeShape(firstOfType(fixture, name, type).json),
      );
    }
    const kinds = events.map(
      (event) =>
        `${event.event}:${String((event.json.delta as { type?: string } | undefined)?.type ?? (event.json.content_block as { type?: string } | undefined)?.type ?? '')}`,
    );
    expect(kinds.indexOf('content_block_delta:signature_delta')).toBe(
      kinds.indexOf('content_block_stop:') - 1,
    );
    expect(kinds.indexOf('content_block_start:text')).toBeGreaterThan(kinds.indexOf('content_block_stop:'));
  });

  it('sim-overloaded-midstream: a few deltas, then event: error framed like stream-midstream-error.sse', async () => {
    const raw = await (
      await post({ model: 'sim-overloaded-midstream', max_tokens: 200, messages: question, stream: true })
    ).text();
    const events = splitEvents(raw);
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'error',
    ]);
    const fixtureError = splitEvents(readFixture('stream-midstream-error.sse')).at(-1)!;
    expect(events.at(-1)!.data).toBe(fixtureError.data.replace('api_error', 'overloaded_error'));
    expect(describeShape(events.at(-1)!.json)).toEqual(describeShape(fixtureError.json));
    const nonStream = await post({ model: 'sim-overloaded-midstream', max_tokens: 200, messages: question });
    expect(nonStream.status).toBe(529);
  });
});

describe('error bodies match the fixtures', () => {
  it('400 for a missing max_tokens: the envelope of error-400-prompt-too-long.json, request_id = request-id', async () => {
    const response = await post({ model: 'sim-fast', messages: question });
    const body = (await response.json()) as { request_id: string; error: { message: string } };
    expect(response.status).toBe(400);
    expect(describeShape(body)).toEqual(describeShape(readJsonFixture('error-400-prompt-too-long.json')));
    expect(body.error.message).toBe('max_tokens: Field required');
    expect(response.headers.get('request-id')).toBe(body.request_id);
    expect(response.headers.get('x-should-retry')).toBe('false');
  });

  it('failures by model and key: 429, 529, 500, 404, 401, credit balance, missing version', async () => {
    const ask = async (model: string, options: Parameters<typeof post>[1] = {}) => {
      const response = await post({ model, max_tokens: 10, messages: question }, options);
      const body = (await response.json()) as { error: { type: string; message: string } };
      return {
        status: response.status,
        type: body.error.type,
        message: body.error.message,
        headers: response.headers,
      };
    };
    const limited = await ask('sim-429');
    expect([limited.status, limited.type]).toEqual([429, 'rate_limit_error']);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-should-retry')).toBe('true');
    expect(limited.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(Date.parse(limited.headers.get('anthropic-ratelimit-requests-reset')!)).toBeGreaterThan(
      Date.now() - 1000,
    );
    expect(await ask('sim-down')).toMatchObject({
      status: 529,
      type: 'overloaded_error',
      message: 'Overloaded',
    });
    expect(await ask('sim-always-500')).toMatchObject({ status: 500, type: 'api_error' });
    expect(await ask('sim-nonexistent')).toMatchObject({
      status: 404,
      type: 'not_found_error',
      message: 'model: sim-nonexistent',
    });
    expect(await ask('sim-fast', { apiKey: 'sk-ant-invalid-1' })).toMatchObject({
      status: 401,
      type: 'authentication_error',
    });
    expect(await ask('sim-fast', { apiKey: '' })).toMatchObject({
      status: 401,
      message: 'x-api-key header is required',
    });
    expect(await ask('sim-fast', { apiKey: 'sk-ant-quota-1' })).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      message: expect.stringContaining('credit balance is too low'),
    });
    expect(await ask('sim-fast', { apiKey: 'sk-ant-ratelimited-1' })).toMatchObject({
      status: 429,
      type: 'rate_limit_error',
    });
    expect(await ask('sim-fast', { version: false })).toMatchObject({
      status: 400,
      message: 'anthropic-version: header is required',
    });
  });
});
