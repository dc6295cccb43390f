import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import { createTestServer, type TestResponse } from '../../../test/support/create-test-server.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import { createOllamaAdapter } from './create-ollama-adapter.js';

const request: ChatRequest = {
  model: 'ollama/llama3.2',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'What is the weather today in Tokyo?' },
  ],
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        strict: true,
      },
    },
  ],
  temperature: 0.2,
  max_tokens: 256,
};

let server: Awaited<ReturnType<typeof createTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const adapter = createOllamaAdapter({ provider: 'ollama' });

async function setUp(routes: Record<string, TestResponse>) {
  server = await createTestServer(routes);
  return {
    model: 'llama3.2',
    credential: { id: 'ollama#local' },
    baseUrl: server.url,
    signal: new AbortController().signal,
  };
}

const ndjson = (body: string, extra: Partial<TestResponse> = {}): TestResponse => ({
  headers: { 'content-type': 'application/x-ndjson' },
  chunks: [body],
  ...extra,
});

/** Ollama's /api/generate objects (fixture) re-shaped as /api/chat objects; error lines stay as they are. */
function generateAsChat(fixture: string): string {
  return readFixture(fixture)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { response, ...rest } = JSON.parse(line) as { response?: string };
      return JSON.stringify(
        response === undefined ? rest : { ...rest, message: { role: 'assistant', content: response } },
      );
    })
    .join('\n');
}

describe('Ollama adapter, non-streamed', () => {
  it('sends /api/chat with stream false, options and tools, and reads the tool call fixture', async () => {
    const base = await setUp({ '/api/chat': { body: readFixture('ollama/chat-nonstream-tools-docs.json') } });
    const response = await adapter.chat({ ...base, request });
    const sent = server!.calls[0]!;
    expect(sent.url).toBe('/api/chat');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.bodyJSON).toEqual({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is the weather today in Tokyo?' },
      ],
      stream: false,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
      options: { num_predict: 256, temperature: 0.2 },
    });
    expect(response).toMatchObject({
      object: 'chat.completion',
      model: 'llama3.2',
      created: Math.floor(Date.parse('2025-07-07T20:32:53.844124Z') / 1000),
      usage: { prompt_tokens: 169, completion_tokens: 18, total_tokens: 187 },
    });
    expect(response.id).toMatch(/^chatcmpl-/);
    const choice = response.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      {
        id: expect.stringMatching(/^call_/),
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
      },
    ]);
  });

  it('keeps ids Ollama sends, reads thinking, length and absent counts', async () => {
    const body = {
      model: 'qwen3',
      created_at: '2025-07-07T20:32:53Z',
      message: {
        role: 'assistant',
        content: 'Partly',
        thinking: 'The user wants weather.',
        tool_calls: [{ id: 'call_kept', function: { index: 0, name: 'get_weather', arguments: {} } }],
      },
      done_reason: 'length',
      done: true,
    };
    const base = await setUp({ '/api/chat': { body: JSON.stringify(body) } });
    const response = await adapter.chat({ ...base, request: { ...request, reasoning_effort: 'low' } });
    expect(server!.calls[0]!.bodyJSON).toMatchObject({ think: 'low' });
    expect(response.choices[0]).toMatchObject({
      finish_reason: 'length',
      message: {
        content: 'Partly',
        reasoning_content: 'The user wants weather.',
        tool_calls: [{ id: 'call_kept', function: { name: 'get_weather', arguments: '{}' } }],
      },
    });
    expect(response.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });

  it('sends a configured key as Bearer (ollama.com) and accepts a base URL ending in /api', async () => {
    const base = await setUp({ '/api/chat': { body: readFixture('ollama/chat-nonstream-tools-docs.json') } });
    await adapter.chat({
      ...base,
      baseUrl: `${base.baseUrl}/api`,
      credential: { id: 'ollama#cloud', apiKey: 'ollama-cloud-key' },
      request,
    });
    expect(server!.calls[0]!.url).toBe('/api/chat');
    expect(server!.calls[0]!.headers.authorization).toBe('Bearer ollama-cloud-key');
  });
});

describe('Ollama adapter, streamed', () => {
  it('turns the NDJSON fixture into metadata, text, finish and usage', async () => {
    const base = await setUp({ '/api/chat': ndjson(readFixture('ollama/chat-stream-docs.ndjson')) });
    const parts = await collect(await adapter.chatStream({ ...base, request }));
    expect(server!.calls[0]!.bodyJSON).toMatchObject({ stream: true });
    expect(server!.calls[0]!.headers.accept).toBe('application/x-ndjson');
    expect(parts).toEqual([
      {
        type: 'response-metadata',
        id: expect.stringMatching(/^chatcmpl-/),
        model: 'llama3.2',
        created: Math.floor(Date.parse('2023-08-04T08:52:19.385406455-07:00') / 1000),
      },
      { type: 'text-delta', choiceIndex: 0, text: 'The' },
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      { type: 'usage', usage: { prompt_tokens: 26, completion_tokens: 282, total_tokens: 308 } },
    ]);
  });

  it('streams a whole tool call as one fragment and finishes with tool_calls', async () => {
    const base = await setUp({ '/api/chat': ndjson(readFixture('ollama/chat-stream-tools-docs.ndjson')) });
    const parts = await collect(await adapter.chatStream({ ...base, request }));
    expect(parts.slice(1)).toEqual([
      {
        type: 'tool-call-delta',
        choiceIndex: 0,
        toolCallIndex: 0,
        id: expect.stringMatching(/^call_/),
        name: 'get_weather',
        argumentsDelta: '{"city":"Tokyo"}',
      },
      { type: 'finish', choiceIndex: 0, finishReason: 'tool_calls' },
      { type: 'usage', usage: { prompt_tokens: 169, completion_tokens: 15, total_tokens: 184 } },
    ]);
  });

  it('ends with an error part on an {"error"} line, keeping the text before it', async () => {
    const body = generateAsChat('ollama/generate-stream-midstream-error.ndjson');
    const base = await setUp({ '/api/chat': ndjson(body) });
    const parts = await collect(await adapter.chatStream({ ...base, request }));
    const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
    expect(text).toBe(' Yes.Ican');
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { kind: 'server', retryable: true, message: 'an error was encountered while running the model' },
    });
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });

  it('ends with a network error part when the connection is cut or the body ends before done', async () => {
    const firstLine = readFixture('ollama/chat-stream-docs.ndjson').split('\n')[0]! + '\n';
    const base = await setUp({
      '/api/chat': ndjson(firstLine, { shouldDestroy: true }),
    });
    const cut = await collect(await adapter.chatStream({ ...base, request }));
    expect(cut.at(-1)).toMatchObject({ type: 'error', error: { kind: 'network', retryable: true } });
    await server?.close();
    const ended = await setUp({ '/api/chat': ndjson(firstLine) });
    const parts = await collect(await adapter.chatStream({ ...ended, request }));
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { kind: 'network', message: 'ollama closed the stream before the answer was complete' },
    });
  });
});

describe('Ollama adapter, errors', () => {
  const failWith = async (status: number, body: string, headers: Record<string, string> = {}) => {
    const base = await setUp({ '/api/chat': { status, body, headers } });
    const error = await adapter.chat({ ...base, request }).catch((caught: unknown) => caught);
    await server?.close();
    server = undefined;
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  };

  it('maps statuses and bodies to kinds', async () => {
    const missing = await failWith(404, readFixture('ollama/error-404-model-not-found.json'));
    expect(missing).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
    expect(missing.message).toContain('`ollama pull llama3`');
    expect(missing.message).toContain("model 'llama3' not found, try pulling it first");
    const quoted = await failWith(404, '{"error":"model \\"qwen3:8b\\" not found, try pulling it first"}');
    expect(quoted.message).toContain('`ollama pull qwen3:8b`');
    expect(await failWith(404, '404 page not found')).toMatchObject({
      kind: 'not-found',
      message: '404 page not found',
    });
    expect(await failWith(400, '{"error":"llama3.2 does not support thinking"}')).toMatchObject({
      kind: 'bad-request',
      retryable: false,
      message: 'llama3.2 does not support thinking',
    });
    expect(await failWith(429, '{"error":"too many requests"}', { 'retry-after': '2' })).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(await failWith(500, '{"error":"model runner has unexpectedly stopped"}')).toMatchObject({
      kind: 'server',
      retryable: true,
    });
    expect(await failWith(502, '{"error":"remote model is unreachable"}')).toMatchObject({ kind: 'server' });
    expect(
      await failWith(503, '{"error":"server busy, please try again.  maximum pending requests exceeded"}'),
    ).toMatchObject({ kind: 'overloaded', retryable: true });
    expect(await failWith(401, '{"error":"unauthorized"}')).toMatchObject({ kind: 'auth' });
  });

  it('says where it looked when nothing listens at the base URL, without user info', async () => {
    const error = await adapter
      .chat({
        request,
        model: 'llama3.2',
        credential: { id: 'ollama#local' },
        baseUrl: 'http://admin:s3cret@127.0.0.1:9',
        signal: new AbortController().signal,
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect((error as Error).message).toContain('is Ollama running at http://127.0.0.1:9?');
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('refuses a request it cannot translate before calling Ollama', async () => {
    const base = await setUp({});
    await expect(adapter.chat({ ...base, request: { ...request, n: 2 } })).rejects.toMatchObject({
      kind: 'bad-request',
      param: 'n',
    });
    expect(server!.calls).toHaveLength(0);
  });
});

describe('Ollama adapter, models and embeddings', () => {
  it('lists /api/tags', async () => {
    const tags = {
      models: [
        {
          name: 'llama3.2:latest',
          model: 'llama3.2:latest',
          modified_at: '2025-05-04T17:37:44.706015396-07:00',
          size: 2019393189,
          digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
          details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
        },
        { size: 1 },
      ],
    };
    const base = await setUp({ '/api/tags': { body: JSON.stringify(tags) } });
    const models = await adapter.listModels!(base);
    expect(server!.calls[0]!.method).toBe('GET');
    expect(models).toEqual([
      {
        id: 'llama3.2:latest',
        created: Math.floor(Date.parse('2025-05-04T17:37:44.706015396-07:00') / 1000),
      },
    ]);
  });

  it('embeds through /api/embed, as floats or base64', async () => {
    const body = {
      model: 'all-minilm',
      embeddings: [
        [0.5, -0.25],
        [1, 0],
      ],
      prompt_eval_count: 8,
    };
    const base = await setUp({ '/api/embed': { body: JSON.stringify(body) } });
    const call = { ...base, model: 'all-minilm' };
    const floats = await adapter.embed!({
      ...call,
      request: { model: 'ollama/all-minilm', input: ['a', 'b'], dimensions: 2 },
    });
    expect(server!.calls[0]!.bodyJSON).toEqual({ model: 'all-minilm', input: ['a', 'b'], dimensions: 2 });
    expect(floats).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [0.5, -0.25] },
        { object: 'embedding', index: 1, embedding: [1, 0] },
      ],
      model: 'all-minilm',
      usage: { prompt_tokens: 8, total_tokens: 8 },
    });
    const encoded = await adapter.embed!({
      ...call,
      request: { model: 'ollama/all-minilm', input: 'a', encoding_format: 'base64' },
    });
    const bytes = Buffer.from(encoded.data[0]!.embedding as string, 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4)]).toEqual([0.5, -0.25]);
    await expect(
      adapter.embed!({ ...call, request: { model: 'ollama/all-minilm', input: [1, 2, 3] } }),
    ).rejects.toMatchObject({ kind: 'bad-request', param: 'input' });
  });
});
