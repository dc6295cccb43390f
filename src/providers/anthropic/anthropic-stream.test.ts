import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import {
  createTestServer,
  sseResponse,
  type TestResponse,
} from '../../../test/support/create-test-server.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
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

async function streamParts(answer: TestResponse, overrides: Partial<ChatRequest> = {}) {
  const call = await setUp({ '/v1/messages': answer }, overrides);
  return collect(await adapter.chatStream(call));
}

const textOf = (parts: ChatStreamPart[], type: 'text-delta' | 'reasoning-delta') =>
  parts.flatMap((part) => (part.type === type ? [part.text] : [])).join('');

describe('Anthropic adapter, streamed', () => {
  it('asks for a stream and turns stream-text.sse into parts', async () => {
    const parts = await streamParts(sseResponse(readFixture('anthropic/stream-text.sse')));
    expect(server!.calls[0]!.bodyJSON).toMatchObject({ stream: true, max_tokens: 300 });
    expect(server!.calls[0]!.headers.accept).toBe('text/event-stream');
    expect(parts).toEqual([
      { type: 'response-metadata', id: 'msg_4QpJur2dWWDjF6C758FbBw5vm12BaVipnK', model: 'claude-opus-4-8' },
      { type: 'text-delta', choiceIndex: 0, text: 'Hello' },
      { type: 'text-delta', choiceIndex: 0, text: ' there' },
      { type: 'text-delta', choiceIndex: 0, text: '!' },
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      { type: 'usage', usage: { prompt_tokens: 11, completion_tokens: 6, total_tokens: 17 } },
    ]);
  });

  it('numbers tool calls by a running index and streams stream-tool-use.sse arguments', async () => {
    const parts = await streamParts(sseResponse(readFixture('anthropic/stream-tool-use.sse')));
    expect(textOf(parts, 'text-delta')).toBe("I'll check the current weather in Paris for you.");
    const calls = parts.filter((part) => part.type === 'tool-call-delta');
    expect(calls[0]).toEqual({
      type: 'tool-call-delta',
      choiceIndex: 0,
      toolCallIndex: 0,
      id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn',
      name: 'get_weather',
      argumentsDelta: '',
    });
    expect(calls.slice(1).every((part) => part.id === undefined && part.toolCallIndex === 0)).toBe(true);
    expect(JSON.parse(calls.map((part) => part.argumentsDelta).join(''))).toEqual({ location: 'Paris' });
    expect(parts.slice(-2)).toEqual([
      { type: 'finish', choiceIndex: 0, finishReason: 'tool_calls' },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 377,
          completion_tokens: 65,
          total_tokens: 442,
          prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        },
      },
    ]);
  });

  it('streams thinking as reasoning, maps refusal to content_filter and reads cumulative usage', async () => {
    const parts = await streamParts(sseResponse(readFixture('anthropic/stream-thinking-refusal.sse')));
    expect(parts[0]).toEqual({
      type: 'response-metadata',
      id: 'msg_fixture_a_0001',
      model: 'claude-fable-5',
    });
    expect(textOf(parts, 'reasoning-delta')).toMatch(/^Simple educational question .* politely\.$/);
    expect(textOf(parts, 'text-delta')).toBe('Hi');
    expect(parts.slice(-2)).toEqual([
      { type: 'finish', choiceIndex: 0, finishReason: 'content_filter' },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 28,
          completion_tokens: 106,
          total_tokens: 134,
          prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 67 },
        },
      },
    ]);
  });

  it('gives a tool call whose input stays empty the arguments "{}", and skips unknown events', async () => {
    const events = [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":3,"output_tokens":1}}}',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_a","name":"ping","input":{}}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}',
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}',
      'event: content_block_start\ndata: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_b","name":"pong","input":{}}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"a\\":1}"}}',
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":1}',
      'event: some_future_event\ndata: {"type":"some_future_event"}',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"input_tokens":null,"output_tokens":9}}',
      'event: message_stop\ndata: {"type":"message_stop"}',
    ];
    const parts = await streamParts(sseResponse(events.join('\n\n') + '\n\n'));
    expect(parts.filter((part) => part.type === 'tool-call-delta')).toEqual([
      {
        type: 'tool-call-delta',
        choiceIndex: 0,
        toolCallIndex: 0,
        id: 'toolu_a',
        name: 'ping',
        argumentsDelta: '',
      },
      { type: 'tool-call-delta', choiceIndex: 0, toolCallIndex: 0, argumentsDelta: '{}' },
      {
        type: 'tool-call-delta',
        choiceIndex: 0,
        toolCallIndex: 1,
        id: 'toolu_b',
        name: 'pong',
        argumentsDelta: '',
      },
      { type: 'tool-call-delta', choiceIndex: 0, toolCallIndex: 1, argumentsDelta: '{"a":1}' },
    ]);
    // Unknown events are skipped, and a null count in message_delta keeps message_start's.
    expect(parts.at(-1)).toEqual({
      type: 'usage',
      usage: { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 },
    });
  });

  it('ends with a retryable overloaded error part on a mid-stream error event', async () => {
    const fixture = readFixture('anthropic/stream-midstream-error.sse');
    const parts = await streamParts(sseResponse(fixture));
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'error']);
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { kind: 'overloaded', retryable: true, code: 'api_error', message: 'Overloaded' },
    });
    await server?.close();
    const typed = fixture.replace('"type": "api_error"', '"type": "overloaded_error"');
    const overloaded = await streamParts(sseResponse(typed));
    expect(overloaded.at(-1)).toMatchObject({
      type: 'error',
      error: { kind: 'overloaded', retryable: true, code: 'overloaded_error' },
    });
    expect((overloaded.at(-1) as { error: ProviderError }).error).toBeInstanceOf(ProviderError);
  });

  it('ends with a network error part when the connection is cut or closes early', async () => {
    const body = readFixture('anthropic/stream-text.sse');
    const cut = await streamParts(
      sseResponse(body.slice(0, body.indexOf('event: content_block_stop')), { shouldDestroy: true }),
    );
    expect(cut.some((part) => part.type === 'text-delta')).toBe(true);
    expect(cut.at(-1)).toMatchObject({ type: 'error', error: { kind: 'network', retryable: true } });
    await server?.close();
    const early = await streamParts(sseResponse(body.slice(0, body.indexOf('event: message_delta'))));
    expect(early.at(-1)).toMatchObject({ type: 'error', error: { kind: 'network' } });
  });

  it('rejects chatStream itself when the upstream refuses before streaming', async () => {
    const call = await setUp({
      '/v1/messages': {
        status: 529,
        headers: { 'content-type': 'application/json' },
        body: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":null}',
      },
    });
    await expect(adapter.chatStream(call)).rejects.toMatchObject({ kind: 'overloaded', status: 529 });
  });
});
