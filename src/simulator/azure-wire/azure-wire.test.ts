import { readFileSync } from 'node:fs';
import OpenAI, { AzureOpenAI, type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

const fixtureDirectory = new URL('../../../../shared/fixtures/providers/azure-openai/', import.meta.url);
const fixtureChunks = readFileSync(
  new URL('stream-chat-content-filter-results.chunks.jsonl', fixtureDirectory),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Every key path of a JSON value in document order with its JSON type, leaving out the named keys. */
function describeShape(value: unknown, ignoredKeys: readonly string[] = [], path = '$'): string[] {
  if (value === null) return [`${path}: null`];
  if (Array.isArray(value)) {
    return [
      `${path}: array`,
      ...value.flatMap((item, index) => describeShape(item, ignoredKeys, `${path}[${index}]`)),
    ];
  }
  if (typeof value === 'object') {
    return [
      `${path}: object`,
      ...Object.entries(value)
        .filter(([key]) => !ignoredKeys.includes(key))
        .flatMap(([key, item]) => describeShape(item, ignoredKeys, `${path}.${key}`)),
    ];
  }
  return [`${path}: ${typeof value}`];
}

const messages = [{ role: 'user' as const, content: 'What is the capital of Denmark?' }];
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const apiKey = 'azure-sim-key';

let simulator: Simulator;
let client: AzureOpenAI;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.01 });
  client = new AzureOpenAI({
    endpoint: simulator.url,
    apiKey,
    apiVersion: '2024-10-21',
    deployment: 'sim-fast',
    maxRetries: 0,
  });
});
afterAll(() => simulator.close());

async function post(path: string, body: unknown, headers: Record<string, string> = { 'api-key': apiKey }) {
  const response = await fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const chatPath = '/openai/deployments/sim-fast/chat/completions?api-version=2024-10-21';

describe('the official AzureOpenAI client', () => {
  it('chats on a deployment, with the api-key header and the deployment URL', async () => {
    simulator.reset();
    const completion = await client.chat.completions.create({ model: 'ignored-by-azure', messages });
    expect(completion.model).toBe('sim-fast');
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(10);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    const sent = simulator.requests.at(-1)!;
    expect(sent.path).toBe('/openai/deployments/sim-fast/chat/completions');
    expect(sent.headers['api-key']).toBe(apiKey);
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('streams with usage past the prompt-filter chunk, and calls tools', async () => {
    const stream = await client.chat.completions.create({
      model: 'sim-fast',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks[0]!.choices).toEqual([]);
    expect(chunks[0]!.id).toBe('');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text.length).toBeGreaterThan(10);
    expect(chunks.at(-1)!.usage!.completion_tokens).toBeGreaterThan(0);
    const tools = await client.chat.completions.create({
      model: 'sim-fast',
      messages,
      tools: [weatherTool],
      tool_choice: 'required',
    });
    const call = tools.choices[0]!.message.tool_calls![0]!;
    expect(tools.choices[0]!.finish_reason).toBe('tool_calls');
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toHaveProperty('city');
  });

  it('embeds on the deployment URL, decoding the base64 the SDK asks for', async () => {
    simulator.reset();
    const result = await client.embeddings.create({
      model: 'ignored',
      input: ['harbour at dawn', 'tax forms'],
    });
    expect(simulator.requests.at(-1)!.path).toBe('/openai/deployments/sim-fast/embeddings');
    expect(simulator.requests.at(-1)!.body).toMatchObject({ encoding_format: 'base64' });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]!.embedding).toHaveLength(1536);
    expect(Math.hypot(...result.data[0]!.embedding)).toBeCloseTo(1, 5);
    expect(result.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
  });

  it('surfaces Azure errors as the SDK classes', async () => {
    const missing = new AzureOpenAI({
      endpoint: simulator.url,
      apiKey,
      apiVersion: '2024-10-21',
      deployment: 'sim-nope',
      maxRetries: 0,
    });
    const notFound = (await missing.chat.completions
      .create({ model: 'x', messages })
      .catch((error: unknown) => error)) as APIError;
    expect(notFound).toBeInstanceOf(OpenAI.NotFoundError);
    expect(notFound.code).toBe('DeploymentNotFound');
    const limited = new AzureOpenAI({
      endpoint: simulator.url,
      apiKey: 'key-ratelimited',
      apiVersion: '2024-10-21',
      deployment: 'sim-fast',
      maxRetries: 0,
    });
    const rateLimit = (await limited.chat.completions
      .create({ model: 'x', messages })
      .catch((error: unknown) => error)) as APIError;
    expect(rateLimit).toBeInstanceOf(OpenAI.RateLimitError);
    expect(rateLimit.code).toBe('429');
    expect(rateLimit.headers?.get('retry-after')).toBe('1');
    expect(rateLimit.message).toContain('Please retry after 1 second.');
  });
});

describe('Azure bodies match the fixtures', () => {
  it('stream: the prompt-filter chunk first, then content_filter_results on every choice', async () => {
    const { text, headers } = await post(chatPath, {
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(headers.get('apim-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    const chunks = text
      .split('\n\n')
      .filter((event) => event !== '' && event !== 'data: [DONE]')
      .map((event) => JSON.parse(event.slice('data: '.length)) as Record<string, unknown>);
    // The capture has OpenAI's `obfuscation` on each chunk, which the simulator does not send.
    const shape = (chunk: unknown) => describeShape(chunk, ['obfuscation']);
    expect(shape(chunks[0])).toEqual(shape(fixtureChunks[0]));
    expect(shape(chunks[1])).toEqual(shape(fixtureChunks[1]));
    for (const chunk of chunks.slice(2, -2)) expect(shape(chunk)).toEqual(shape(fixtureChunks[2]));
    expect(shape(chunks.at(-2))).toEqual(shape(fixtureChunks.at(-2)));
    // The simulator has no reasoning, so its usage has the same keys with fewer nested ones.
    expect(Object.keys(chunks.at(-1)!)).toEqual(
      Object.keys(fixtureChunks.at(-1)!).filter((key) => key !== 'obfuscation'),
    );
    expect(chunks.at(-1)!.choices).toEqual([]);
  });

  it('non-stream: filter results on the choice and the prompt, alphabetical keys, compact', async () => {
    const { text } = await post(chatPath, { messages });
    const body = JSON.parse(text) as Record<string, unknown> & { choices: Array<Record<string, unknown>> };
    expect(text).toBe(JSON.stringify(body));
    expect(Object.keys(body)).toEqual([...Object.keys(body)].sort());
    expect(Object.keys(body)).toEqual([
      'choices',
      'created',
      'id',
      'model',
      'object',
      'prompt_filter_results',
      'system_fingerprint',
      'usage',
    ]);
    expect(describeShape(body.prompt_filter_results)).toEqual(
      describeShape(fixtureChunks[0]!.prompt_filter_results),
    );
    expect(describeShape(body.choices[0]!.content_filter_results)).toEqual(
      describeShape((fixtureChunks[2]!.choices as Array<Record<string, unknown>>)[0]!.content_filter_results),
    );
  });
});

describe('Azure routing, versions and keys', () => {
  const errorOf = async (path: string, body: unknown, headers?: Record<string, string>) => {
    const { status, text } = await post(path, body, headers);
    return [status, JSON.parse(text)];
  };

  it('requires api-version on deployment paths and refuses versions a path does not take', async () => {
    expect(await errorOf('/openai/deployments/sim-fast/chat/completions', { messages })).toEqual([
      404,
      { error: { code: '404', message: 'Resource not found' } },
    ]);
    expect(
      await errorOf('/openai/deployments/sim-fast/chat/completions?api-version=latest', { messages }),
    ).toEqual([400, { error: { code: 'BadRequest', message: 'API version not supported' } }]);
    expect(
      await errorOf('/openai/v1/chat/completions?api-version=2024-10-21', { model: 'sim-fast', messages }),
    ).toEqual([400, { error: { code: 'BadRequest', message: 'API version not supported' } }]);
    expect(await errorOf('/openai/deployments/sim-fast/completions?api-version=2024-10-21', {})).toEqual([
      404,
      { error: { code: '404', message: 'Resource not found' } },
    ]);
  });

  it('serves /openai/v1 with the deployment as model, and leaves Bearer-only /openai/v1 calls to the OpenAI wire', async () => {
    const v1 = await post('/openai/v1/chat/completions?api-version=preview', { model: 'sim-fast', messages });
    expect(v1.status).toBe(200);
    expect(JSON.parse(v1.text)).toHaveProperty('prompt_filter_results');
    const plain = new OpenAI({
      baseURL: `${simulator.url}/openai/v1`,
      apiKey: 'gsk-groq-like',
      maxRetries: 0,
    });
    const groq = await plain.chat.completions.create({ model: 'sim-fast', messages });
    expect(groq).not.toHaveProperty('prompt_filter_results');
  });

  it('answers key problems in Azure envelopes', async () => {
    const denied = await errorOf(chatPath, { messages }, {});
    expect(denied[0]).toBe(401);
    expect(denied[1]).toMatchObject({
      error: { code: '401', message: expect.stringMatching(/^Access denied/) },
    });
    expect((await errorOf(chatPath, { messages }, { 'api-key': 'an-invalid-key' }))[0]).toBe(401);
    expect(await errorOf(chatPath, { messages }, { 'api-key': 'over-quota-key' })).toMatchObject([
      403,
      { error: { code: '403', message: expect.stringContaining('Out of call volume quota') } },
    ]);
    expect(await errorOf(chatPath, { messages }, { authorization: 'Bearer entra-token' })).toMatchObject([
      200,
      {},
    ]);
  });

  it('keeps the sim-* behaviours: down, 429, cut, hang, flaky', async () => {
    const down = await post('/openai/deployments/sim-down/chat/completions?api-version=2024-10-21', {
      messages,
    });
    expect(down.status).toBe(503);
    const limited = await post('/openai/deployments/sim-429/chat/completions?api-version=2024-10-21', {
      messages,
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after-ms')).toBe('1000');
    expect(JSON.parse(limited.text)).toMatchObject({ error: { code: '429' } });
    const cut = await fetch(
      `${simulator.url}/openai/deployments/sim-cut/chat/completions?api-version=2024-10-21`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'api-key': apiKey },
        body: JSON.stringify({ messages, stream: true }),
      },
    );
    await expect(cut.text()).rejects.toThrow();
    const hung = post('/openai/deployments/sim-hang/chat/completions?api-version=2024-10-21', { messages });
    const timeout = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100));
    const outcome = hung.then(
      () => 'answered',
      () => 'closed',
    );
    expect(await Promise.race([outcome, timeout])).toBe('still waiting');
    const statuses = new Set<number>();
    for (let index = 0; index < 30; index++) {
      const path = '/openai/deployments/sim-flaky/chat/completions?api-version=2024-10-21';
      statuses.add((await post(path, { messages })).status);
    }
    expect([...statuses].sort()).toEqual([200, 500]);
  });
});
