import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestResponse } from '../../../test/support/create-test-server.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import { createAnthropicAdapter } from './create-anthropic-adapter.js';

const request: ChatRequest = {
  model: 'anthropic/claude',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hello, how are you?' },
  ],
  temperature: 0.4,
  max_tokens: 300,
};

let server: Awaited<ReturnType<typeof createTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const adapter = createAnthropicAdapter({ provider: 'anthropic' });
const json = (path: string): TestResponse => ({ body: readFixture(path) });

async function setUp(routes: Record<string, TestResponse>, overrides: Partial<ChatRequest> = {}) {
  server = await createTestServer(routes);
  return {
    request: { ...request, ...overrides },
    model: 'claude-sonnet-4-5-20250929',
    credential: { id: 'anthropic#1', apiKey: 'sk-ant-test-key-123' },
    baseUrl: server.url,
    signal: new AbortController().signal,
  };
}

describe('Anthropic adapter, non-streamed', () => {
  it('sends the Messages API body with its headers and maps nonstream-text.json', async () => {
    const call = await setUp({ '/v1/messages': json('anthropic/nonstream-text.json') });
    const response = await adapter.chat(call);
    const sent = server!.calls[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/v1/messages');
    expect(sent.headers).toMatchObject({
      'x-api-key': 'sk-ant-test-key-123',
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
    });
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.bodyJSON).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 300,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Hello, how are you?' }],
      temperature: 0.4,
    });
    expect(response).toEqual({
      id: 'msg_01VdEjxAP5ahtHKrrRdNBteQ',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'claude-sonnet-4-5-20250929',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content:
              "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?",
            refusal: null,
          },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: 12,
        completion_tokens: 29,
        total_tokens: 41,
        prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      },
    });
  });

  it('maps nonstream-tool-use.json: text plus a tool call with "{}" arguments', async () => {
    const call = await setUp({ '/v1/messages': json('anthropic/nonstream-tool-use.json') });
    const response = await adapter.chat(call);
    const choice = response.choices[0]!;
    expect(choice.message.content).toMatch(/^<thinking>\nThe updateIssueList tool/);
    expect(choice.message.tool_calls).toEqual([
      {
        id: 'toolu_01LRmxn9vGM1d2DZSDBowdZ1',
        type: 'function',
        function: { name: 'updateIssueList', arguments: '{}' },
      },
    ]);
    expect(choice.finish_reason).toBe('tool_calls');
    expect(response.usage).toMatchObject({ prompt_tokens: 602, completion_tokens: 93, total_tokens: 695 });
  });

  it('counts cache reads and writes into prompt_tokens and keeps thinking as reasoning_content', async () => {
    const body = JSON.stringify({
      id: 'msg_cached',
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-4-6',
      content: [
        { type: 'thinking', thinking: 'Let me see.', signature: 'c2ln' },
        { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { q: 'x', n: 2 } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: {
        input_tokens: 10,
        cache_creation_input_tokens: 100,
        cache_read_input_tokens: 1000,
        output_tokens: 50,
        output_tokens_details: { thinking_tokens: 20 },
      },
    });
    const call = await setUp({ '/v1/messages': { body } });
    const response = await adapter.chat(call);
    expect(response.choices[0]!.message).toEqual({
      role: 'assistant',
      content: null,
      refusal: null,
      tool_calls: [
        { id: 'toolu_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x","n":2}' } },
      ],
      reasoning_content: 'Let me see.',
    });
    expect(response.usage).toEqual({
      prompt_tokens: 1110,
      completion_tokens: 50,
      total_tokens: 1160,
      prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 100 },
      completion_tokens_details: { reasoning_tokens: 20 },
    });
  });

  it('refuses n > 1 before calling Anthropic', async () => {
    const call = await setUp({ '/v1/messages': json('anthropic/nonstream-text.json') }, { n: 3 });
    await expect(adapter.chat(call)).rejects.toMatchObject({ kind: 'bad-request', param: 'n' });
    expect(server!.calls).toHaveLength(0);
  });
});

describe('Anthropic adapter, errors and models', () => {
  const failWith = async (answer: TestResponse) => {
    const call = await setUp({ '/v1/messages': answer });
    const error = await adapter.chat(call).catch((caught: unknown) => caught);
    await server?.close();
    server = undefined;
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).not.toContain('sk-ant-test-key-123');
    return error as ProviderError;
  };

  it('reads the captured 400 with its x-should-retry header as context-length', async () => {
    const [head, body] = readFixture('anthropic/error-400-prompt-too-long.http').split(/\r?\n\r?\n/);
    const headers = Object.fromEntries(
      head!
        .split(/\r?\n/)
        .slice(1)
        .map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
    );
    delete headers['content-length'];
    expect(await failWith({ status: 400, headers, body })).toMatchObject({
      kind: 'context-length',
      status: 400,
      retryable: false,
      code: 'invalid_request_error',
      message: 'prompt is too long: 205429 tokens > 200000 maximum',
    });
  });

  it('honours retry-after, anthropic-ratelimit reset headers and x-should-retry', async () => {
    const envelope = (type: string, message: string) =>
      JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_1' });
    expect(
      await failWith({
        status: 429,
        headers: { 'retry-after': '7' },
        body: envelope('rate_limit_error', 'Slow down'),
      }),
    ).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 7000, code: 'rate_limit_error' });
    const reset = new Date(Date.now() + 30_000).toISOString();
    const limited = await failWith({
      status: 429,
      headers: { 'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': reset },
      body: envelope('rate_limit_error', 'Slow down'),
    });
    expect(limited.retryAfterMs).toBeGreaterThan(25_000);
    expect(
      await failWith({
        status: 500,
        headers: { 'x-should-retry': 'false' },
        body: envelope('api_error', 'Internal'),
      }),
    ).toMatchObject({ kind: 'server', retryable: false });
    expect(
      await failWith({
        status: 400,
        headers: { 'x-should-retry': 'true' },
        body: envelope('invalid_request_error', 'x'),
      }),
    ).toMatchObject({ kind: 'bad-request', retryable: true });
  });

  it('maps a refused connection to a retryable network error', async () => {
    const refused = adapter.chat({
      request,
      model: 'claude-sonnet-4-5',
      credential: { id: 'anthropic#1', apiKey: 'sk-ant-secret' },
      baseUrl: 'http://127.0.0.1:9',
      signal: new AbortController().signal,
    });
    await expect(refused).rejects.toMatchObject({ kind: 'network', retryable: true });
    await expect(refused).rejects.not.toThrow(/sk-ant-secret/);
  });

  it('lists models page by page', async () => {
    let page = 0;
    server = await createTestServer({
      '/v1/models': () => {
        page++;
        const model = (id: string) => ({
          type: 'model',
          id,
          display_name: id,
          created_at: '2025-09-29T00:00:00Z',
          max_input_tokens: 200_000,
          max_tokens: 64_000,
          capabilities: null,
        });
        return {
          body: JSON.stringify(
            page === 1
              ? {
                  data: [model('claude-sonnet-4-5')],
                  has_more: true,
                  first_id: 'claude-sonnet-4-5',
                  last_id: 'claude-sonnet-4-5',
                }
              : {
                  data: [model('claude-haiku-4-5')],
                  has_more: false,
                  first_id: 'claude-haiku-4-5',
                  last_id: 'claude-haiku-4-5',
                },
          ),
        };
      },
    });
    const models = await adapter.listModels!({
      credential: { id: 'anthropic#1', apiKey: 'k' },
      baseUrl: server.url,
      signal: new AbortController().signal,
    });
    expect(models).toEqual([
      { id: 'claude-sonnet-4-5', ownedBy: 'anthropic', created: 1_759_104_000, contextWindow: 200_000 },
      { id: 'claude-haiku-4-5', ownedBy: 'anthropic', created: 1_759_104_000, contextWindow: 200_000 },
    ]);
    expect(server.calls.map((call) => call.url)).toEqual([
      '/v1/models?limit=1000',
      '/v1/models?limit=1000&after_id=claude-sonnet-4-5',
    ]);
    expect(server.calls[0]!.headers['x-api-key']).toBe('k');
  });
});
