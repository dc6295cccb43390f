import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

const fixtureDirectory = new URL('../../../../shared/fixtures/providers/openai/', import.meta.url);
const readFixture = (name: string): string => readFileSync(new URL(name, fixtureDirectory), 'utf8');
const readJsonFixture = (name: string): unknown => JSON.parse(readFixture(name));
const readSSEFixture = (name: string): unknown[] =>
  readFixture(name)
    .split('\n\n')
    .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.slice('data: '.length)) as unknown);

/**
 * Every key path of a JSON value, in document order, with its JSON type: `choices[0].delta.role: string`.
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

/** The shape without the listed sub-trees (paths OpenAI added after an older capture). */
function describeShapeWithout(value: unknown, excludedPaths: readonly string[]): string[] {
  return describeShape(value).filter(
    (line) => !excludedPaths.some((path) => line.startsWith(`${path}:`) || line.startsWith(`${path}.`)),
  );
}

function describeSubtree(value: unknown, path: string): string[] {
  return describeShape(value).filter((line) => line.startsWith(`${path}:`) || line.startsWith(`${path}.`));
}

const userMessage = [{ role: 'user', content: 'What is the weather like in Edinburgh this week?' }];
const weatherTools = [
  {
    type: 'function',
    function: {
      name: 'GetWeatherArgs',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, country: { type: 'string' }, units: { enum: ['c', 'f'] } },
        required: ['city', 'country', 'units'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_stock_price',
      parameters: {
        type: 'object',
        properties: { ticker: { type: 'string' }, exchange: { type: 'string' } },
        required: ['ticker', 'exchange'],
      },
    },
  },
];

let simulator: Simulator;

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0, profiles: { 'sim-always-500': { errorRate: 1 } } });
});
afterAll(() => simulator.close());

async function post(body: unknown, apiKey = 'sk-conformance-test-key'): Promise<Response> {
  return fetch(`${simulator.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function postSSE(body: unknown): Promise<{ raw: string; chunks: unknown[] }> {
  const raw = await (await post(body)).text();
  const chunks = raw
    .split('\n\n')
    .filter((event) => event !== '' && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.slice('data: '.length)) as unknown);
  return { raw, chunks };
}

describe('non-stream bodies match the fixtures', () => {
  it('text answer: same key paths, order and types as openai/nonstream-text.json', async () => {
    const response = await post({ model: 'gpt-4.1-nano', messages: userMessage });
    const text = await response.text();
    const body = JSON.parse(text) as unknown;
    expect(describeShape(body)).toEqual(describeShape(readJsonFixture('nonstream-text.json')));
    expect(text).toBe(JSON.stringify(body, null, 2));
  });

  it('parallel tool calls: same shape as openai/nonstream-parallel-tool-calls.json', async () => {
    const response = await post({ model: 'sim-tools', messages: userMessage, tools: weatherTools });
    const body = JSON.parse(await response.text()) as unknown;
    const fixture = readJsonFixture('nonstream-parallel-tool-calls.json');
    // The 2024 capture predates `annotations`, `service_tier` and the full usage details; their shapes
    // are checked against the 2026 capture (nonstream-text.json) instead.
    const newerPaths = [
      '$.choices[0].message.annotations',
      '$.usage.prompt_tokens_details',
      '$.usage.completion_tokens_details',
      '$.service_tier',
    ];
    expect(describeShapeWithout(body, newerPaths)).toEqual(describeShapeWithout(fixture, newerPaths));
    const current = readJsonFixture('nonstream-text.json');
    for (const path of newerPaths)
      expect(describeSubtree(body, path)).toEqual(describeSubtree(current, path));
    expect(describeShape(body).indexOf('$.service_tier: string')).toBeLessThan(
      describeShape(body).indexOf('$.system_fingerprint: string'),
    );
  });
});

describe('streams match the fixtures', () => {
  it('include_usage: role, content, finish and usage chunks shaped like openai/stream-include-usage.sse', async () => {
    const { chunks } = await postSSE({
      model: 'gpt-4o',
      messages: userMessage,
      stream: true,
      stream_options: { include_usage: true },
    });
    const fixture = readSSEFixture('stream-include-usage.sse');
    const [role, content, ...rest] = chunks;
    const finish = rest.at(-2);
    const usage = rest.at(-1);
    // 2025 captures add `"usage":null` as the last key of every chunk (openai/stream-midstream-error.sse);
    // the 2024 capture predates it, so it is compared there.
    const midstream = readSSEFixture('stream-midstream-error.sse');
    expect(describeShapeWithout(role, ['$.usage'])).toEqual(describeShape(fixture[0]));
    expect(describeShapeWithout(content, ['$.usage'])).toEqual(describeShape(fixture[1]));
    expect(describeShapeWithout(finish, ['$.usage'])).toEqual(describeShape(fixture.at(-2)));
    expect(describeShape(role)).toEqual(describeShapeWithout(midstream[0], ['$.service_tier']));
    expect(describeShape(content)).toEqual(describeShapeWithout(midstream[1], ['$.service_tier']));
    expect(describeShapeWithout(usage, ['$.usage'])).toEqual(
      describeShapeWithout(fixture.at(-1), ['$.usage']),
    );
    expect(describeSubtree(usage, '$.usage')).toEqual(
      describeSubtree(readJsonFixture('nonstream-text.json'), '$.usage'),
    );
  });

  it('tool call: first fragment, argument fragments and finish shaped like openai/stream-tool-call.sse', async () => {
    const { chunks } = await postSSE({
      model: 'gpt-4o',
      messages: userMessage,
      stream: true,
      tools: weatherTools.slice(0, 1),
      tool_choice: 'required',
    });
    const fixture = readSSEFixture('stream-tool-call.sse');
    expect(describeShape(chunks[0])).toEqual(describeShape(fixture[0]));
    expect(describeShape(chunks[1])).toEqual(describeShape(fixture[1]));
    expect(describeShape(chunks.at(-1))).toEqual(describeShape(fixture.at(-2)));
    expect((chunks.at(-1) as { choices: Array<{ finish_reason: string }> }).choices[0]!.finish_reason).toBe(
      'tool_calls',
    );
  });

  it('frames every event as `data: <json>\\n\\n` and ends with `data: [DONE]\\n\\n`', async () => {
    for (const streamOptions of [undefined, { include_usage: true }]) {
      const { raw } = await postSSE({
        model: 'sim-fast',
        messages: userMessage,
        stream: true,
        stream_options: streamOptions,
      });
      expect(raw.endsWith('\n\ndata: [DONE]\n\n')).toBe(true);
      expect(raw).not.toContain('\r');
      const events = raw.slice(0, -2).split('\n\n');
      for (const event of events) {
        expect(event.startsWith('data: ')).toBe(true);
        expect(event.includes('\n')).toBe(false);
        const payload = event.slice('data: '.length);
        // Byte-compatible: what JSON.stringify of the parsed chunk gives, with no whitespace.
        if (payload !== '[DONE]') expect(payload).toBe(JSON.stringify(JSON.parse(payload)));
      }
      expect(events.filter((event) => event === 'data: [DONE]')).toHaveLength(1);
    }
  });
});

describe('error bodies match the fixtures', () => {
  it('sim-429 matches openai/error-429-rate-limit-tpm.json, with type "requests"', async () => {
    const response = await post({ model: 'sim-429', messages: userMessage });
    const body = (await response.json()) as { error: { type: string; code: string } };
    expect(response.status).toBe(429);
    expect(describeShape(body)).toEqual(describeShape(readJsonFixture('error-429-rate-limit-tpm.json')));
    expect(body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
  });

  it('a quota key gets openai/error-429-insufficient-quota.json, word for word', async () => {
    const response = await post({ model: 'sim-fast', messages: userMessage }, 'sk-quota-exhausted-key');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.json()).toEqual(readJsonFixture('error-429-insufficient-quota.json'));
  });

  it('server errors match openai/error-500-server-error.json, word for word', async () => {
    const response = await post({ model: 'sim-always-500', messages: userMessage });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual(readJsonFixture('error-500-server-error.json'));
  });

  it('401 bodies use the same envelope as the other client errors (there is no captured 401 fixture)', async () => {
    const invalid = await post({ model: 'sim-fast', messages: userMessage }, 'sk-invalid-key-0123456789wxyz');
    const invalidBody = (await invalid.json()) as { error: { message: string; code: string } };
    expect(invalid.status).toBe(401);
    expect(describeShape(invalidBody)).toEqual(
      describeShape(readJsonFixture('error-429-insufficient-quota.json')),
    );
    expect(invalidBody.error.code).toBe('invalid_api_key');
    expect(invalidBody.error.message).toContain('Incorrect API key provided: sk-**********************wxyz.');

    const missing = await fetch(`${simulator.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'sim-fast', messages: userMessage }),
    });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: { type: 'invalid_request_error', param: null, code: null },
    });
  });
});
