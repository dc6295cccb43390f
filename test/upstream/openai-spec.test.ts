import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingProxy } from '../support/create-recording-proxy.js';
import { startPrism } from '../support/start-prism.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * What the OpenAI adapter sends upstream, checked by Prism against OpenAI's official OpenAPI document:
 * every representative request must be accepted (Prism answers 422 with the reasons when not).
 */
let prism: Awaited<ReturnType<typeof startPrism>>;
let proxy: Awaited<ReturnType<typeof createRecordingProxy>>;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  prism = await startPrism('openai-openapi.sanitized.json');
  proxy = await createRecordingProxy(prism.url);
  // The spec's paths have no /v1 prefix (its server URL carries it), so the base URL is the bare origin.
  running = await startGateway({ OPENAI_API_KEY: 'sk-test-prism', OPENAI_BASE_URL: proxy.url });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
}, 180_000);

afterAll(async () => {
  await running?.close();
  await proxy?.close();
  await prism?.close();
});

async function sendThroughGateway(body: Record<string, unknown>) {
  const before = proxy.exchanges.length;
  await client.chat.completions.create(body as never).then(
    async (result: unknown) => {
      // Prism cannot stream: a streamed request gets a JSON example, which the gateway rightly refuses.
      if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
        for await (const _chunk of result as AsyncIterable<unknown>) void _chunk;
      }
    },
    () => undefined,
  );
  const exchange = proxy.exchanges[before];
  expect(exchange, 'the gateway did not call the upstream').toBeDefined();
  return exchange!;
}

const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];

const cases: Record<string, Record<string, unknown>> = {
  plain: { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] },
  'system prompt and parameters': {
    model: 'openai/gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
    ],
    temperature: 0.3,
    top_p: 0.9,
    stop: ['END'],
    max_tokens: 100,
    seed: 1,
  },
  'tools with a forced choice': {
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'Weather in Paris?' }],
    tools,
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
  },
  'multi-turn with tool results': {
    model: 'openai/gpt-4o-mini',
    messages: [
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
    ],
    tools,
  },
  stream: { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], stream: true },
  'stream with usage': {
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'Hello' }],
    stream: true,
    stream_options: { include_usage: true },
  },
  'JSON mode': {
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'Give JSON' }],
    response_format: { type: 'json_object' },
  },
  'JSON schema output': {
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'Give JSON' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'answer',
        strict: true,
        schema: {
          type: 'object',
          properties: { a: { type: 'string' } },
          required: ['a'],
          additionalProperties: false,
        },
      },
    },
  },
  'reasoning model with max_tokens (sent as max_completion_tokens)': {
    model: 'openai/o4-mini',
    messages: [{ role: 'user', content: 'Think' }],
    max_tokens: 50,
  },
};

describe('requests the OpenAI adapter sends are valid for the official OpenAI API', () => {
  for (const [name, body] of Object.entries(cases)) {
    it(name, async () => {
      const exchange = await sendThroughGateway(body);
      expect(exchange.path).toBe('/chat/completions');
      expect(exchange.status, `Prism rejected the request: ${exchange.responseText}`).toBe(200);
    });
  }

  it('Prism really validates (a request the spec forbids is refused with 422)', async () => {
    const exchange = await sendThroughGateway({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA' } }] }],
    });
    expect(exchange.status).toBe(422);
    expect(exchange.responseText).toContain('format');
  });
});

describe('Responses requests passed through to OpenAI are valid for the official API', () => {
  const responsesCases: Record<string, Record<string, unknown>> = {
    'string input with instructions': {
      model: 'openai/gpt-4.1-mini',
      instructions: 'Be brief.',
      input: 'Hello',
      max_output_tokens: 100,
    },
    'items with a function call round trip': {
      model: 'openai/gpt-4.1-mini',
      // A user item whose content is a parts list matches two of the spec's `oneOf` branches (EasyInputMessage
      // and InputMessage), which Prism refuses though OpenAI accepts it; the string form is unambiguous.
      input: [
        { role: 'user', content: 'Weather in Paris?' },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '{"temp":21}' },
      ],
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
          strict: true,
        },
      ],
      tool_choice: 'auto',
    },
    'JSON schema output': {
      model: 'openai/gpt-4.1-mini',
      input: 'A city',
      text: {
        format: {
          type: 'json_schema',
          name: 'city',
          strict: true,
          schema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
    },
    'streamed, with built-in tools': {
      model: 'openai/gpt-4.1-mini',
      input: 'News?',
      tools: [{ type: 'web_search' }],
      stream: true,
    },
  };
  for (const [name, body] of Object.entries(responsesCases)) {
    it(name, async () => {
      const before = proxy.exchanges.length;
      await client.responses.create(body as never).then(
        async (result: unknown) => {
          if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
            for await (const _event of result as AsyncIterable<unknown>) void _event;
          }
        },
        () => undefined,
      );
      const exchange = proxy.exchanges[before]!;
      expect(exchange.path).toBe('/responses');
      expect(
        exchange.status,
        `Prism rejected the request: ${exchange.violations ?? exchange.responseText}`,
      ).toBe(200);
    });
  }
});
