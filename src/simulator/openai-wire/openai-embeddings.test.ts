import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;
let client: OpenAI;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.01, profiles: { 'sim-always-500': { errorRate: 1 } } });
  client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-embeddings-test', maxRetries: 0 });
});
afterAll(() => simulator.close());

async function post(body: unknown, apiKey = 'sk-embeddings-test') {
  const response = await fetch(`${simulator.url}/v1/embeddings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const cosine = (first: number[], second: number[]) =>
  first.reduce((sum, value, index) => sum + value * second[index]!, 0);

describe('POST /v1/embeddings', () => {
  it("answers in OpenAI's exact shape, pretty-printed, 1536 unit-length dimensions by default", async () => {
    const { status, text } = await post({ model: 'text-embedding-3-small', input: 'The food was delicious' });
    expect(status).toBe(200);
    const body = JSON.parse(text) as {
      data: Array<{ embedding: number[] }>;
      usage: Record<string, number>;
    };
    expect(text).toBe(JSON.stringify(body, null, 2));
    expect(Object.keys(body)).toEqual(['object', 'data', 'model', 'usage']);
    expect(body).toMatchObject({
      object: 'list',
      data: [{ object: 'embedding', index: 0 }],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 4, total_tokens: 4 },
    });
    expect(Object.keys(body.data[0]!)).toEqual(['object', 'index', 'embedding']);
    expect(body.data[0]!.embedding).toHaveLength(1536);
    expect(Math.hypot(...body.data[0]!.embedding)).toBeCloseTo(1, 5);
  });

  it('is deterministic, gives texts sharing words closer vectors, and 3072 dimensions for -3-large', async () => {
    const embed = async (input: string[], model = 'text-embedding-3-small') =>
      (JSON.parse((await post({ model, input })).text) as { data: Array<{ embedding: number[] }> }).data.map(
        (item) => item.embedding,
      );
    const [harbour, harbourAgain, dawnHarbour, taxes] = await embed([
      'the harbour at dawn',
      'the harbour at dawn',
      'dawn over the harbour',
      'quarterly tax forms',
    ]);
    expect(harbourAgain).toEqual(harbour);
    expect(cosine(harbour!, dawnHarbour!)).toBeGreaterThan(cosine(harbour!, taxes!) + 0.3);
    const [large] = await embed(['the harbour at dawn'], 'text-embedding-3-large');
    expect(large).toHaveLength(3072);
  });

  it('honours dimensions and base64 (little-endian float32 of the same values), as the SDK decodes them', async () => {
    const floats = JSON.parse(
      (await post({ model: 'text-embedding-3-small', input: 'hello', dimensions: 8 })).text,
    ).data[0].embedding as number[];
    expect(floats).toHaveLength(8);
    const encoded = JSON.parse(
      (
        await post({
          model: 'text-embedding-3-small',
          input: 'hello',
          dimensions: 8,
          encoding_format: 'base64',
        })
      ).text,
    ).data[0].embedding as string;
    const bytes = Buffer.from(encoded, 'base64');
    expect(Array.from({ length: 8 }, (_, index) => bytes.readFloatLE(index * 4))).toEqual(floats);
    const viaSdk = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'hello',
      dimensions: 8,
    });
    expect(viaSdk.data[0]!.embedding).toEqual(floats);
    simulator.reset();
    await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(simulator.requests.at(-1)!.body).toMatchObject({ encoding_format: 'base64' });
  });

  it('accepts token arrays and counts their tokens', async () => {
    const result = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: [
        [1, 2, 3],
        [4, 5],
      ],
      encoding_format: 'float',
    });
    expect(result.data).toHaveLength(2);
    expect(result.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
  });

  it('rejects what OpenAI rejects', async () => {
    const errorOf = async (body: unknown, apiKey?: string) => {
      const { status, text } = await post(body, apiKey);
      return [status, (JSON.parse(text) as { error: unknown }).error];
    };
    expect(await errorOf({ input: 'x' })).toEqual([
      400,
      {
        message: 'you must provide a model parameter',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    ]);
    expect(await errorOf({ model: 'text-embedding-3-small' })).toEqual([
      400,
      {
        message: "Missing required parameter: 'input'.",
        type: 'invalid_request_error',
        param: 'input',
        code: 'missing_required_parameter',
      },
    ]);
    for (const input of ['', [], [''], [1.5], { text: 'x' }]) {
      expect(await errorOf({ model: 'text-embedding-3-small', input })).toMatchObject([
        400,
        { message: expect.stringMatching(/^'\$\.input' is invalid/) },
      ]);
    }
    expect(
      await errorOf({ model: 'text-embedding-3-small', input: 'x', encoding_format: 'int8' }),
    ).toMatchObject([400, { message: "'int8' is not one of ['float', 'base64'] - 'encoding_format'" }]);
    expect(await errorOf({ model: 'text-embedding-3-small', input: 'x', dimensions: 0 })).toMatchObject([
      400,
      { param: 'dimensions', code: 'integer_below_min_value' },
    ]);
    expect(await errorOf({ model: 'text-embedding-ada-002', input: 'x', dimensions: 8 })).toMatchObject([
      400,
      { message: 'This model does not support specifying dimensions.' },
    ]);
    expect(await errorOf({ model: 'sim-nope', input: 'x' })).toMatchObject([
      404,
      { code: 'model_not_found' },
    ]);
    expect(await errorOf({ model: 'text-embedding-3-small', input: 'x' }, 'sk-invalid-key')).toMatchObject([
      401,
      { code: 'invalid_api_key' },
    ]);
  });

  it('follows the sim-* behaviours, like chat', async () => {
    const statusOf = (model: string) =>
      client.embeddings.create({ model, input: 'x' }).then(
        () => 200,
        (error: APIError) => error.status,
      );
    expect(await statusOf('sim-down')).toBe(503);
    expect(await statusOf('sim-429')).toBe(429);
    expect(await statusOf('sim-always-500')).toBe(500);
    const hung = statusOf('sim-hang');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100));
    expect(await Promise.race([hung, timeout])).toBe('still waiting');
  });
});
