import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicAdapter } from '../../src/providers/anthropic/index.js';
import type { ChatRequest } from '../../src/spec/chat-request.js';
import type { ProviderAdapter } from '../../src/spec/provider-adapter.js';
import { createRecordingProxy } from '../support/create-recording-proxy.js';
import { startPrism } from '../support/start-prism.js';

/**
 * What the Anthropic adapter sends upstream, checked by Prism against Anthropic's OpenAPI document
 * (../shared/specs/anthropic-openapi.json): every representative request must be accepted (Prism
 * answers 422 with the reasons when not). The spec's paths include `/v1`, so the base URL is the origin.
 */
let prism: Awaited<ReturnType<typeof startPrism>>;
let proxy: Awaited<ReturnType<typeof createRecordingProxy>>;
const adapter: ProviderAdapter = createAnthropicAdapter({ provider: 'anthropic' });

beforeAll(async () => {
  prism = await startPrism('anthropic-openapi.json');
  proxy = await createRecordingProxy(prism.url);
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await prism?.close();
});

const credential = { id: 'anthropic#prism', apiKey: 'sk-ant-prism-test' };
/** A 1×1 transparent PNG. */
const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Runs one call, ignores its outcome (Prism answers with example bodies), returns what Prism said. */
async function sendThrough(run: (call: { baseUrl: string }) => Promise<unknown>) {
  const before = proxy.exchanges.length;
  try {
    const result = await run({ baseUrl: proxy.url });
    // Prism cannot stream: a streamed request gets a JSON example, which the adapter rightly refuses.
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _item of result as AsyncIterable<unknown>) void _item;
    }
  } catch {
    // Only the request matters here, not how the adapter took Prism's example answer.
  }
  const exchange = proxy.exchanges[before];
  expect(exchange, 'the adapter did not call the upstream').toBeDefined();
  return exchange!;
}

const chat = (request: Partial<ChatRequest>, model = 'claude-sonnet-4-5', isStream = false) =>
  sendThrough(({ baseUrl }) => {
    const call = {
      request: { model: 'anthropic/x', messages: [{ role: 'user' as const, content: 'Hello' }], ...request },
      model,
      credential,
      baseUrl,
      signal: AbortSignal.timeout(10_000),
    };
    return isStream ? adapter.chatStream(call) : adapter.chat(call);
  });

const tools: ChatRequest['tools'] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
  { type: 'function', function: { name: 'list_cities' } },
];

const toolRoundTrip: ChatRequest['messages'] = [
  { role: 'system', content: 'Use the tools.' },
  { role: 'user', content: 'Weather in Paris and Oslo?' },
  {
    role: 'assistant',
    content: 'Checking.',
    tool_calls: [
      { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
    ],
  },
  { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
  { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '{"temp":9}' }] },
];

const cases: Record<string, () => ReturnType<typeof sendThrough>> = {
  plain: () => chat({}),
  'system prompt and parameters': () =>
    chat({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: 'Answer in English.' },
        { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
      ],
      temperature: 1.4,
      top_p: 0.9,
      stop: ['END', 'STOP'],
      max_tokens: 100,
      user: 'user-42',
    }),
  'multi-turn with tool results': () => chat({ messages: toolRoundTrip, tools }),
  'tools with a forced tool and no parallel calls': () =>
    chat({
      tools,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
    }),
  'tools with required, none and auto choices': async () => {
    await chat({ tools, tool_choice: 'required' });
    await chat({ tools, tool_choice: 'none' });
    return chat({ tools, tool_choice: 'auto' });
  },
  'stream request body': () =>
    chat({ messages: toolRoundTrip, tools, max_completion_tokens: 500 }, 'claude-opus-4-8', true),
  images: () =>
    chat({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe both.' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${pngBase64}` } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          ],
        },
      ],
    }),
  'JSON schema output and JSON mode': async () => {
    await chat({ response_format: { type: 'json_object' } });
    return chat({
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          schema: {
            type: 'object',
            properties: { a: { type: 'string' } },
            required: ['a'],
            additionalProperties: false,
          },
        },
      },
    });
  },
  'reasoning effort as a thinking budget and as adaptive thinking': async () => {
    await chat({ reasoning_effort: 'medium', max_tokens: 8000 }, 'claude-sonnet-4-5');
    return chat({ reasoning_effort: 'high' }, 'claude-opus-4-6');
  },
  'a model that rejects sampling parameters': () => chat({ temperature: 0.2, top_p: 0.5 }, 'claude-opus-4-8'),
  'native pass-through: create, stream and count_tokens': async () => {
    const body = {
      model: 'whatever',
      max_tokens: 2048,
      system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral', ttl: '1h' } }],
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Use the tool.', signature: 'c2lnbmF0dXJl' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: 'sunny',
              cache_control: { type: 'ephemeral' },
            },
          ],
        },
      ],
      tools: [
        { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
      ],
    };
    const native = adapter.anthropicMessages!;
    const nativeCall = (baseUrl: string, callBody: Record<string, unknown>) => ({
      body: callBody,
      model: 'claude-sonnet-4-5',
      credential,
      baseUrl,
      signal: AbortSignal.timeout(10_000),
      headers: { 'anthropic-beta': 'interleaved-thinking-2025-05-14' },
    });
    await sendThrough(({ baseUrl }) => native.create(nativeCall(baseUrl, body)));
    await sendThrough(({ baseUrl }) => native.stream(nativeCall(baseUrl, body)));
    const { max_tokens: _maxTokens, ...countBody } = body;
    return sendThrough(({ baseUrl }) => native.countTokens(nativeCall(baseUrl, countBody)));
  },
};

describe('requests the Anthropic adapter sends are valid for the official Anthropic API', () => {
  for (const [name, run] of Object.entries(cases)) {
    it(name, async () => {
      const before = proxy.exchanges.length;
      await run();
      const exchanges = proxy.exchanges.slice(before);
      expect(exchanges.length).toBeGreaterThan(0);
      for (const exchange of exchanges) {
        expect(exchange.path).toMatch(/^\/v1\/messages(\/count_tokens)?$/);
        const reasons = exchange.status === 422 ? exchange.violations : '';
        expect(
          exchange.status,
          `Prism rejected ${JSON.stringify(exchange.requestBody)}: ${reasons}`,
        ).not.toBe(422);
        expect(exchange.status).toBe(200);
      }
    });
  }

  it('Prism really validates (a body the spec forbids is refused with 422)', async () => {
    const exchange = await sendThrough(({ baseUrl }) =>
      adapter.anthropicMessages!.create({
        body: { max_tokens: 'plenty', messages: [{ role: 'system', content: 'x' }] },
        model: 'claude-sonnet-4-5',
        credential,
        baseUrl,
        signal: AbortSignal.timeout(10_000),
      }),
    );
    expect(exchange.status).toBe(422);
    const violations = exchange.violations;
    expect(violations).toMatch(/max_tokens/);
    expect(violations).toMatch(/role/);
  });
});
