import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import {
  createTestServer,
  sseResponse,
  type TestResponse,
} from '../../../test/support/create-test-server.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { NativeEvent } from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import { createAnthropicAdapter } from './create-anthropic-adapter.js';

const native = createAnthropicAdapter({ provider: 'anthropic' }).anthropicMessages!;

/** A caller's body with what a translation would lose: cache_control, thinking blocks, unknown fields. */
const callerBody = {
  model: 'claude-anything',
  max_tokens: 1024,
  system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral', ttl: '1h' } }],
  messages: [
    { role: 'user', content: 'Weather?' },
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Use the tool.', signature: 'c2lnbmF0dXJl' },
        { type: 'tool_use', id: 'toolu_1', name: 'weather', input: {} },
      ],
    },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' }] },
  ],
  thinking: { type: 'enabled', budget_tokens: 1024 },
  context_management: { edits: [{ type: 'clear_tool_uses_20250919' }] },
  a_future_field: [1, 2, 3],
};

let server: Awaited<ReturnType<typeof createTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function callFor(routes: Record<string, TestResponse>, body: Record<string, unknown> = callerBody) {
  server = await createTestServer(routes);
  return {
    body,
    model: 'claude-sonnet-4-5',
    credential: { id: 'anthropic#1', apiKey: 'sk-ant-native-key' },
    baseUrl: server.url,
    signal: new AbortController().signal,
    headers: { 'anthropic-beta': 'context-management-2025-06-27' },
  };
}

describe('anthropicMessages pass-through', () => {
  it('create: sends the body untouched except model, forwards anthropic-beta, returns usage', async () => {
    const call = await callFor({ '/v1/messages': { body: readFixture('anthropic/nonstream-text.json') } });
    const result = await native.create(call);
    const sent = server!.calls[0]!;
    expect(sent.bodyText).toBe(JSON.stringify({ ...callerBody, model: 'claude-sonnet-4-5' }));
    expect(sent.headers).toMatchObject({
      'x-api-key': 'sk-ant-native-key',
      'anthropic-version': '2023-06-01',
      'anthropic-beta': 'context-management-2025-06-27',
    });
    expect(result.body).toEqual(JSON.parse(readFixture('anthropic/nonstream-text.json')));
    await native.create({ ...call, body: { ...callerBody, stream: true } });
    expect(server!.calls[1]!.bodyJSON).toMatchObject({ model: 'claude-sonnet-4-5', stream: false });
    expect(result.usage).toEqual({
      prompt_tokens: 12,
      completion_tokens: 29,
      total_tokens: 41,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    });
  });

  it('stream: yields each event once parsed, with its data text untouched', async () => {
    const fixture = readFixture('anthropic/stream-thinking-refusal.sse');
    const call = await callFor({ '/v1/messages': sseResponse(fixture) });
    const events = await collect(await native.stream(call));
    expect(server!.calls[0]!.bodyJSON).toEqual({ ...callerBody, model: 'claude-sonnet-4-5', stream: true });
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array<string>(5).fill('content_block_delta'),
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const dataLines = fixture.split('\n').filter((line) => line.startsWith('data: '));
    expect(events.map((event) => `data: ${event.data}`)).toEqual(dataLines);
    expect(events[0]!.json).toMatchObject({ type: 'message_start', message: { id: 'msg_fixture_a_0001' } });
  });

  it('stream: passes a mid-stream error event along instead of throwing', async () => {
    const call = await callFor({
      '/v1/messages': sseResponse(readFixture('anthropic/stream-midstream-error.sse')),
    });
    const events = await collect(await native.stream(call));
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: '{"type": "error", "error": {"type": "api_error", "message": "Overloaded"}}',
      json: { type: 'error', error: { type: 'api_error', message: 'Overloaded' } },
    });
  });

  it('stream: a cut connection throws a network ProviderError from the iterator', async () => {
    const body = readFixture('anthropic/stream-text.sse');
    const call = await callFor({
      '/v1/messages': sseResponse(body.slice(0, body.indexOf('event: message_delta')), {
        shouldDestroy: true,
      }),
    });
    const seen: NativeEvent[] = [];
    const error = await (async () => {
      for await (const event of await native.stream(call)) seen.push(event);
    })().catch((caught: unknown) => caught);
    expect(seen.length).toBeGreaterThan(3);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('stream: rejects before any event when the upstream refuses the request', async () => {
    const call = await callFor({
      '/v1/messages': {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '2' },
        body: '{"type":"error","error":{"type":"rate_limit_error","message":"Rate limited"},"request_id":null}',
      },
    });
    await expect(native.stream(call)).rejects.toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
  });

  it('countTokens: posts to count_tokens and returns input_tokens', async () => {
    const body = {
      model: 'x',
      messages: [{ role: 'user', content: 'Hi' }],
      cache_control: { type: 'ephemeral' },
    };
    const call = await callFor({ '/v1/messages/count_tokens': { body: '{"input_tokens":14}' } }, body);
    expect(await native.countTokens(call)).toEqual({ input_tokens: 14 });
    expect(server!.calls[0]!.bodyText).toBe(JSON.stringify({ ...body, model: 'claude-sonnet-4-5' }));
    await server?.close();
    const broken = await callFor({ '/v1/messages/count_tokens': { body: '{"tokens":14}' } }, body);
    await expect(native.countTokens(broken)).rejects.toMatchObject({ kind: 'server' });
  });
});
