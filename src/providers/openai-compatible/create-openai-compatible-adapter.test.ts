import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import {
  createTestServer,
  sseResponse,
  type TestResponse,
} from '../../../test/support/create-test-server.js';
import { readChunksAsSSE, readFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import { ProviderError } from '../../spec/provider-error.js';
import { createOpenAICompatibleAdapter } from './create-openai-compatible-adapter.js';
import { getOpenAICompatibleHostHooks } from './openai-compatible-hosts.js';

const request: ChatRequest = {
  model: 'groq/whatever',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Weather in Paris?' },
  ],
  temperature: 0.2,
  some_future_field: { keep: true },
};

let server: Awaited<ReturnType<typeof createTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(host: string, answer: TestResponse, overrides: Partial<ChatRequest>) {
  server = await createTestServer({ '/v1/chat/completions': answer });
  const adapter = createOpenAICompatibleAdapter({ provider: host, ...getOpenAICompatibleHostHooks(host) });
  const providerCall = {
    request: { ...request, ...overrides },
    model: 'upstream-model',
    credential: { id: `${host}#1`, apiKey: 'test-key-123' },
    baseUrl: `${server.url}/v1`,
    signal: new AbortController().signal,
  };
  return { adapter, providerCall, server };
}

async function call(
  host: string,
  answer: TestResponse,
  _isStream: false,
  overrides: Partial<ChatRequest> = {},
) {
  const { adapter, providerCall, server } = await setUp(host, answer, overrides);
  return { response: await adapter.chat(providerCall), sent: server.calls[0]! };
}

async function callStream(host: string, answer: TestResponse) {
  const { adapter, providerCall, server } = await setUp(host, answer, {});
  return { parts: await collect(await adapter.chatStream(providerCall)), sent: server.calls[0]! };
}

const json = (path: string, extra: Partial<TestResponse> = {}): TestResponse => ({
  body: readFixture(path),
  ...extra,
});

describe('OpenAI-compatible adapter, non-streamed', () => {
  it('sends the caller request with the upstream model and the key, unknown fields included', async () => {
    const { response, sent } = await call('openai', json('openai/nonstream-text.json'), false);
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe('Bearer test-key-123');
    expect(sent.bodyJSON).toEqual({ ...request, model: 'upstream-model' });
    expect(response.choices[0]?.message.content).toMatch(/^\*\*Holiday Name:\*\* Galaxy Day/);
    expect(response.choices[0]?.finish_reason).toBe('stop');
    expect(response.usage).toMatchObject({ prompt_tokens: 16, completion_tokens: 363, total_tokens: 379 });
    expect(response.system_fingerprint).toBe('fp_de604bd877');
  });

  it('returns parallel tool calls with content null', async () => {
    const { response } = await call('openai', json('openai/nonstream-parallel-tool-calls.json'), false);
    const message = response.choices[0]!.message;
    expect(message.content).toBeNull();
    expect(message.tool_calls?.map((toolCall) => toolCall.function.name)).toEqual([
      'GetWeatherArgs',
      'get_stock_price',
    ]);
    expect(JSON.parse(message.tool_calls![1]!.function.arguments)).toEqual({
      ticker: 'AAPL',
      exchange: 'NASDAQ',
    });
    expect(response.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('reads Mistral tool calls without type, DeepSeek reasoning and keeps Groq extras', async () => {
    const mistral = await call('mistral', json('openai-compatible/mistral-nonstream-tool-call.json'), false);
    expect(mistral.response.choices[0]!.message.tool_calls).toEqual([
      {
        id: 'gSIMJiOkT',
        type: 'function',
        function: { name: 'weather', arguments: '{"location": "San Francisco"}' },
      },
    ]);
    await server?.close();
    const deepseek = await call(
      'deepseek',
      json('openai-compatible/deepseek-nonstream-tool-call-reasoning.json'),
      false,
    );
    expect(deepseek.response.choices[0]!.message.reasoning_content).toMatch(
      /^The user is asking for the weather/,
    );
    expect(deepseek.response.choices[0]!.message.content).toBeNull();
    expect(deepseek.response.usage?.prompt_tokens_details?.cached_tokens).toBe(320);
    await server?.close();
    const groq = await call('groq', json('openai-compatible/groq-nonstream-tool-call.json'), false);
    expect(groq.response.x_groq).toEqual({ id: 'req_01kh52madzem68scv0bcz3vm00', seed: 1790130236 });
    expect(groq.response.usage).toMatchObject({
      prompt_tokens: 218,
      completion_tokens: 15,
      queue_time: 0.179481775,
    });
  });

  it("counts xAI's reasoning tokens as completion tokens, as everywhere else", async () => {
    const { response } = await call('xai', json('openai-compatible/xai-nonstream-tool-call.json'), false);
    expect(response.usage).toMatchObject({ prompt_tokens: 307, completion_tokens: 281, total_tokens: 588 });
  });

  it("moves max_tokens to max_completion_tokens for OpenAI's reasoning models only", async () => {
    server = await createTestServer({ '/v1/chat/completions': json('openai/nonstream-text.json') });
    const adapter = createOpenAICompatibleAdapter({
      provider: 'openai',
      ...getOpenAICompatibleHostHooks('openai'),
    });
    const base = {
      credential: { id: 'o#1', apiKey: 'k' },
      baseUrl: `${server.url}/v1`,
      signal: new AbortController().signal,
    };
    await adapter.chat({ ...base, request: { ...request, max_tokens: 50 }, model: 'o4-mini' });
    await adapter.chat({ ...base, request: { ...request, max_tokens: 50 }, model: 'gpt-4o-mini' });
    expect(server.calls[0]!.bodyJSON).toMatchObject({ max_completion_tokens: 50 });
    expect(server.calls[0]!.bodyJSON).not.toHaveProperty('max_tokens');
    expect(server.calls[1]!.bodyJSON).toMatchObject({ max_tokens: 50 });
  });

  it("applies Mistral's request quirks", async () => {
    const { sent } = await call(
      'mistral',
      json('openai-compatible/mistral-nonstream-tool-call.json'),
      false,
      {
        seed: 7,
        tool_choice: 'required',
        tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }],
        messages: [
          { role: 'user', content: 'hi' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_abcdefghijklmnop',
                type: 'function',
                function: { name: 'weather', arguments: '{}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_abcdefghijklmnop', content: 'sunny' },
        ],
      },
    );
    const body = sent.bodyJSON as Record<string, unknown> & { messages: Array<Record<string, unknown>> };
    expect(body.tool_choice).toBe('any');
    expect(body.random_seed).toBe(7);
    expect(body).not.toHaveProperty('seed');
    const id = (body.messages[1]!.tool_calls as Array<{ id: string }>)[0]!.id;
    expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(body.messages[2]!.tool_call_id).toBe(id);
  });
});

describe('OpenAI-compatible adapter, streamed', () => {
  it('always asks for usage and turns the SSE transcript into parts', async () => {
    const { parts, sent } = await callStream(
      'openai',
      sseResponse(readFixture('openai/stream-include-usage.sse')),
    );
    expect(sent.bodyJSON).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(parts[0]).toEqual({
      type: 'response-metadata',
      id: 'chatcmpl-9tZXEmwtoDf6vqCqEWSvDP8jx9OXe',
      model: 'gpt-4o-2024-08-06',
      created: 1723031664,
      systemFingerprint: 'fp_845eaabc1f',
    });
    const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
    expect(JSON.parse(text)).toEqual({ city: 'San Francisco', units: 'c' });
    expect(parts.slice(-2)).toEqual([
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      { type: 'usage', usage: { prompt_tokens: 17, completion_tokens: 10, total_tokens: 27 } },
    ]);
  });

  it('streams tool-call fragments with the id and name first', async () => {
    const { parts } = await callStream('openai', sseResponse(readFixture('openai/stream-tool-call.sse')));
    const calls = parts.filter(
      (part): part is Extract<ChatStreamPart, { type: 'tool-call-delta' }> => part.type === 'tool-call-delta',
    );
    expect(calls[0]).toEqual({
      type: 'tool-call-delta',
      choiceIndex: 0,
      toolCallIndex: 0,
      id: 'call_c91SqDXlYFuETYv8mUHzz6pp',
      name: 'GetWeatherArgs',
      argumentsDelta: '',
    });
    expect(calls.slice(1).every((part) => part.id === undefined && part.toolCallIndex === 0)).toBe(true);
    expect(JSON.parse(calls.map((part) => part.argumentsDelta).join(''))).toEqual({
      city: 'Edinburgh',
      country: 'UK',
      units: 'c',
    });
    expect(parts.find((part) => part.type === 'finish')).toEqual({
      type: 'finish',
      choiceIndex: 0,
      finishReason: 'tool_calls',
    });
  });

  it('numbers Mistral tool calls without index and takes usage from the finish chunk', async () => {
    const { parts } = await callStream(
      'mistral',
      sseResponse(readChunksAsSSE('openai-compatible/mistral-stream-tool-call.chunks.jsonl')),
    );
    expect(parts.filter((part) => part.type !== 'response-metadata')).toEqual([
      {
        type: 'tool-call-delta',
        choiceIndex: 0,
        toolCallIndex: 0,
        id: 'gSIMJiOkT',
        name: 'weather',
        argumentsDelta: '{"location": "San Francisco"}',
      },
      { type: 'finish', choiceIndex: 0, finishReason: 'tool_calls' },
      { type: 'usage', usage: { prompt_tokens: 124, completion_tokens: 22, total_tokens: 146 } },
    ]);
  });

  it("reads Groq's usage from the finish chunk and DeepSeek's reasoning deltas", async () => {
    const groq = await callStream(
      'groq',
      sseResponse(readChunksAsSSE('openai-compatible/groq-stream-tool-call.chunks.jsonl')),
    );
    expect(groq.parts.at(-1)).toEqual({
      type: 'usage',
      usage: { prompt_tokens: 210, completion_tokens: 15, total_tokens: 225 },
    });
    await server?.close();
    const deepseek = await callStream(
      'deepseek',
      sseResponse(readChunksAsSSE('openai-compatible/deepseek-stream-tool-call-reasoning.chunks.jsonl')),
    );
    const reasoning = deepseek.parts
      .flatMap((part) => (part.type === 'reasoning-delta' ? [part.text] : []))
      .join('');
    expect(reasoning).toMatch(/^The user is asking for the weather/);
    expect(deepseek.parts.some((part) => part.type === 'tool-call-delta' && part.name === 'weather')).toBe(
      true,
    );
  });

  it('ends with an error part on a mid-stream error or a cut connection', async () => {
    const midstream = await callStream(
      'openai',
      sseResponse(readFixture('openai/stream-midstream-error.sse')),
    );
    const error = midstream.parts.at(-1);
    expect(error?.type).toBe('error');
    expect(error?.type === 'error' && error.error).toMatchObject({
      kind: 'server',
      retryable: true,
      message: expect.stringContaining('The server had an error'),
    });
    await server?.close();
    const body = readFixture('openai/stream-include-usage.sse');
    const cut = await callStream(
      'openai',
      sseResponse(body.slice(0, body.length / 2), { shouldDestroy: true }),
    );
    expect(cut.parts.at(-1)).toMatchObject({ type: 'error', error: { kind: 'network' } });
  });
});

describe('OpenAI-compatible adapter, errors', () => {
  const failWith = async (status: number, fixture: string, headers: Record<string, string> = {}) => {
    try {
      await call(
        'openai',
        { status, headers: { 'content-type': 'application/json', ...headers }, body: readFixture(fixture) },
        false,
      );
    } catch (error) {
      return error as ProviderError;
    }
    throw new Error('expected a ProviderError');
  };

  it('maps statuses and bodies to kinds, with retry hints', async () => {
    const rateLimited = await failWith(429, 'openai/error-429-rate-limit-tpm.json', { 'retry-after': '3' });
    expect(rateLimited).toBeInstanceOf(ProviderError);
    expect(rateLimited).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
      retryAfterMs: 3000,
      status: 429,
      code: 'rate_limit_exceeded',
    });
    await server?.close();
    expect(await failWith(429, 'openai/error-429-insufficient-quota.json')).toMatchObject({
      kind: 'quota',
      retryable: false,
    });
    await server?.close();
    expect(await failWith(500, 'openai/error-500-server-error.json')).toMatchObject({
      kind: 'server',
      retryable: true,
    });
    await server?.close();
    expect(await failWith(400, 'openai/error-400-unsupported-parameter.json')).toMatchObject({
      kind: 'bad-request',
      retryable: false,
      param: 'max_tokens',
      code: 'unsupported_parameter',
    });
    await server?.close();
    expect(
      await failWith(500, 'openai/error-500-server-error.json', { 'x-should-retry': 'false' }),
    ).toMatchObject({ kind: 'server', retryable: false });
  });

  it('reads Azure rate-limit messages and maps a refused connection to a network error', async () => {
    const azure = await failWith(429, 'azure-openai/error-429-token-rate-limit.json');
    expect(azure.kind).toBe('rate-limited');
    expect(azure.retryAfterMs).toBeGreaterThan(0);
    const adapter = createOpenAICompatibleAdapter({ provider: 'openai' });
    const refused = adapter.chat({
      request,
      model: 'm',
      credential: { id: 'x' },
      baseUrl: 'http://127.0.0.1:9',
      signal: new AbortController().signal,
    });
    await expect(refused).rejects.toMatchObject({ kind: 'network', retryable: true });
  });
});
