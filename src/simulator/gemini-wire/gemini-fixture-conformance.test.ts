import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';
import { stringifyGeminiStreamJson } from './stringify-gemini-stream-json.js';

const fixtureDirectory = new URL('../../../../shared/fixtures/providers/gemini/', import.meta.url);
const readFixture = (name: string): string => readFileSync(new URL(name, fixtureDirectory), 'utf8');
const readJsonFixture = (name: string): unknown => JSON.parse(readFixture(name));
const readChunksFixture = (name: string): unknown[] =>
  readFixture(name)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

interface Recording {
  interactions: Array<{
    request: { url: string; bodySegments: unknown[] };
    response: { bodySegments: unknown[] };
  }>;
}

/** Every key path of a JSON value, in document order, with its JSON type (see the OpenAI wire's test). */
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

/** The shape without sub-trees the simulator has no reason to send (it does not think). */
function describeShapeWithout(value: unknown, excludedPaths: readonly string[]): string[] {
  return describeShape(value).filter(
    (line) => !excludedPaths.some((path) => line.startsWith(`${path}:`) || line.startsWith(`${path}.`)),
  );
}

const thinking = ['$.usageMetadata.thoughtsTokenCount', '$.candidates[0].content.parts[0].thoughtSignature'];
const question = { contents: [{ role: 'user', parts: [{ text: 'How many r are in strawberry?' }] }] };
const weatherTools = [
  {
    functionDeclarations: [
      {
        name: 'weather',
        description: 'Weather in a location',
        parametersJsonSchema: {
          type: 'object',
          properties: { location: { type: 'string' } },
          required: ['location'],
        },
      },
    ],
  },
];

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0 });
});
afterAll(() => simulator.close());

function post(path: string, body: unknown, apiKey = 'gemini-conformance-key'): Promise<Response> {
  return fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'x-goog-api-key': apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function postSSE(model: string, body: unknown): Promise<{ raw: string; chunks: unknown[] }> {
  const response = await post(`/v1beta/models/${model}:streamGenerateContent?alt=sse`, body);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  expect(response.headers.get('content-disposition')).toBe('attachment');
  const raw = await response.text();
  const events = raw.split('\n\n').filter((event) => event !== '');
  return { raw, chunks: events.map((event) => JSON.parse(event.slice('data: '.length)) as unknown) };
}

describe('non-stream bodies match the fixtures', () => {
  it('text: same key paths, order and types as gemini/nonstream-text.json, pretty-printed', async () => {
    const response = await post('/v1beta/models/gemini-3-pro-preview:generateContent', question);
    const text = await response.text();
    const body = JSON.parse(text) as unknown;
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(describeShape(body)).toEqual(
      describeShapeWithout(readJsonFixture('nonstream-text.json'), thinking),
    );
    expect(text).toBe(JSON.stringify(body, null, 2));
  });

  it('function call: gemini/nonstream-tool-call.json, STOP with a signed functionCall and finishMessage', async () => {
    const response = await post('/v1beta/models/sim-tools:generateContent', {
      ...question,
      tools: weatherTools,
    });
    const body = (await response.json()) as { candidates: Array<Record<string, unknown>> };
    const fixture = readJsonFixture('nonstream-tool-call.json');
    expect(describeShape(body)).toEqual(
      describeShapeWithout(fixture, ['$.usageMetadata.thoughtsTokenCount']),
    );
    expect(body.candidates[0]).toMatchObject({
      finishReason: 'STOP',
      finishMessage: 'Model generated function call(s).',
    });
  });
});

describe('streams match the fixtures', () => {
  it('writes every event the way Gemini does: the formatter reproduces gemini/stream-text-basic.sse byte for byte', async () => {
    const lines = readFixture('stream-text-basic.sse')
      .split('\n')
      .filter((line) => line.startsWith('data: '));
    for (const line of lines)
      expect(`data: ${stringifyGeminiStreamJson(JSON.parse(line.slice(6)))}`).toBe(line);
    const { raw } = await postSSE('sim-fast', question);
    const events = raw.slice(0, -2).split('\n\n');
    for (const event of events) {
      expect(event).toBe(`data: ${stringifyGeminiStreamJson(JSON.parse(event.slice(6)))}`);
    }
    expect(raw).not.toContain('[DONE]');
  });

  it('text: content chunks and a closing empty-text chunk shaped like gemini/stream-text.chunks.jsonl', async () => {
    const { chunks } = await postSSE('gemini-3-pro-preview', question);
    const fixture = readChunksFixture('stream-text.chunks.jsonl');
    expect(describeShape(chunks[0])).toEqual(describeShapeWithout(fixture[0], thinking));
    expect(describeShape(chunks.at(-1))).toEqual(describeShapeWithout(fixture.at(-1), thinking));
    // Cumulative usage on every chunk; the last one equals the non-streamed answer's.
    const counts = chunks.map(
      (chunk) =>
        (chunk as { usageMetadata: { candidatesTokenCount: number } }).usageMetadata.candidatesTokenCount,
    );
    expect(counts).toEqual([...counts].sort((first, second) => first - second));
    const whole = (await (
      await post('/v1beta/models/gemini-3-pro-preview:generateContent', question)
    ).json()) as {
      usageMetadata: unknown;
    };
    expect((chunks.at(-1) as { usageMetadata: unknown }).usageMetadata).toEqual(whole.usageMetadata);
  });

  it('function call: whole, signed, in one chunk, then the finish chunk (gemini/stream-tool-call.chunks.jsonl)', async () => {
    const { chunks } = await postSSE('sim-tools', { ...question, tools: weatherTools });
    const fixture = readChunksFixture('stream-tool-call.chunks.jsonl');
    expect(chunks).toHaveLength(2);
    expect(describeShape(chunks[0])).toEqual(
      describeShapeWithout(fixture[0], ['$.usageMetadata.thoughtsTokenCount']),
    );
    expect(describeShape(chunks[1])).toEqual(
      describeShapeWithout(fixture[1], ['$.usageMetadata.thoughtsTokenCount']),
    );
  });

  it("answers the recordings' real requests (system instruction; function calling with OpenAPI-typed parameters)", async () => {
    const system = readJsonFixture('recording-stream-system-instruction.json') as Recording;
    const { chunks } = await postSSE('gemini-2.5-flash', system.interactions[0]!.request.bodySegments[0]);
    expect(chunks.length).toBeGreaterThan(2);
    const calling = readJsonFixture('recording-stream-function-calling.json') as Recording;
    const [first, second] = calling.interactions.map((interaction) => interaction.request.bodySegments[0]);
    const forced = { ...(first as object), toolConfig: { functionCallingConfig: { mode: 'ANY' } } };
    const call = await postSSE('sim-fast', forced);
    const part = (
      call.chunks[0] as { candidates: Array<{ content: { parts: Array<Record<string, unknown>> } }> }
    ).candidates[0]!.content.parts[0]!;
    expect(part.functionCall).toMatchObject({
      name: 'customDivide',
      args: { denominator: expect.any(Number), numerator: expect.any(Number) },
    });
    expect((await post('/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse', second)).status).toBe(
      200,
    );
  });
});

describe('error bodies match the fixtures', () => {
  it('an invalid key gets gemini/error-400-api-key-invalid.json (without the mock-only DebugInfo)', async () => {
    const response = await post('/v1beta/models/sim-fast:generateContent', question, 'my-invalid-key');
    const fixture = readJsonFixture('error-400-api-key-invalid.json') as { error: { details: unknown[] } };
    fixture.error.details = fixture.error.details.slice(0, 2);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(fixture);
  });

  it('sim-429 gets the shape of gemini/error-429-resource-exhausted.json', async () => {
    const response = await post('/v1beta/models/sim-429:generateContent', question);
    expect(response.status).toBe(429);
    const body = await response.json();
    expect(describeShape(body)).toEqual(describeShape(readJsonFixture('error-429-resource-exhausted.json')));
    expect(body).toMatchObject({ error: { details: [{}, { retryDelay: '1s' }] } });
  });

  it('an unknown model on the stream endpoint: plain JSON 404 under text/event-stream, as recorded', async () => {
    const recording = readJsonFixture('recording-stream-error-404.json') as Recording & {
      interactions: Array<{ response: { statusCode: number } }>;
    };
    const interaction = recording.interactions[0]!;
    const response = await post(
      `${interaction.request.url.replace('custom-gemini-2.0-flash', 'sim-unknown')}`,
      interaction.request.bodySegments[0],
    );
    expect(response.status).toBe(interaction.response.statusCode);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const body = (await response.json()) as { error: { message: string } };
    const recorded = interaction.response.bodySegments[0] as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(
      Object.keys(recorded.error)
        .filter((key) => key !== 'details')
        .sort(),
    );
    expect(body.error.message).toBe(
      String(recorded.error.message).replace('custom-gemini-2.0-flash', 'sim-unknown'),
    );
  });
});
