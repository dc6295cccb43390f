import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiAdapter } from '../../src/providers/gemini/index.js';
import type { ChatRequest } from '../../src/spec/chat-request.js';
import type { EmbeddingRequest } from '../../src/spec/embedding.js';
import { createRecordingProxy } from '../support/create-recording-proxy.js';
import { startPrism } from '../support/start-prism.js';

/**
 * What the Gemini adapter sends upstream, checked by Prism against Google's own OpenAPI document for
 * the Gemini API v1beta (../shared/specs/gemini-v1beta.sanitized.json): every representative request
 * must be accepted (Prism answers 422 with the reasons when not). The adapter is called directly, so
 * each case is exactly one upstream request.
 */
let prism: Awaited<ReturnType<typeof startPrism>>;
let proxy: Awaited<ReturnType<typeof createRecordingProxy>>;
const adapter = createGeminiAdapter({ provider: 'gemini' });

beforeAll(async () => {
  prism = await startPrism('gemini-v1beta.sanitized.json');
  proxy = await createRecordingProxy(prism.url);
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await prism?.close();
});

const call = (model: string) => ({
  model,
  credential: { id: 'gemini#prism', apiKey: 'prism-test-key' },
  baseUrl: proxy.url,
  signal: new AbortController().signal,
});

/** Sends one request through the adapter and returns what Prism said about it; the answer is ignored. */
async function sendThroughAdapter(send: () => Promise<unknown>) {
  const before = proxy.exchanges.length;
  await send().then(
    async (result) => {
      // Prism cannot stream: a streamed request gets a JSON example, read here to the end.
      if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
        for await (const _part of result as AsyncIterable<unknown>) void _part;
      }
    },
    () => undefined,
  );
  const exchange = proxy.exchanges[before];
  expect(exchange, 'the adapter did not call the upstream').toBeDefined();
  return exchange!;
}

const tools: ChatRequest['tools'] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather in a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
  { type: 'function', function: { name: 'get_time' } },
];
const signature =
  'EskgCsYgAb4+9vtF7/499YQS2bjZs3xcQI+iAl+ILn29nK1j0Kg6su7QsUUUk3nrAAfnS2w5WiVvlcCqu9fAebJ2cvfaEyBahEt5';

const chatCases: Record<string, { model?: string; request: Partial<ChatRequest> }> = {
  plain: { request: { messages: [{ role: 'user', content: 'Hello' }] } },
  'system prompt and sampling parameters': {
    request: {
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
      ],
      temperature: 0.3,
      top_p: 0.9,
      stop: ['END'],
      max_tokens: 100,
      seed: 1,
      n: 2,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
      reasoning_effort: 'low',
    },
  },
  'multi-turn with parallel tool calls, a thought signature and tool results': {
    request: {
      messages: [
        { role: 'user', content: 'Weather in Paris and the time?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            // An id as the adapter synthesizes it: the signature travels inside.
            {
              id: `call_abcdefghijklmnopqrstuvwx_ts_${signature.replace(/\+/g, '-').replace(/\//g, '_')}`,
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
            { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_2', content: '12:00' },
        {
          role: 'tool',
          tool_call_id: `call_abcdefghijklmnopqrstuvwx_ts_${signature.replace(/\+/g, '-').replace(/\//g, '_')}`,
          content: '{"temperature":21}',
        },
        { role: 'assistant', content: 'Sunny, noon.' },
        { role: 'user', content: 'Thanks!' },
      ],
      tools,
    },
  },
  'tools with a forced choice': {
    request: {
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    },
  },
  'tools with tool_choice none': {
    request: { messages: [{ role: 'user', content: 'Hi' }], tools, tool_choice: 'none' },
  },
  'JSON schema output': {
    request: {
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
  },
  'JSON mode': {
    request: { messages: [{ role: 'user', content: 'Give JSON' }], response_format: { type: 'json_object' } },
  },
  images: {
    request: {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          ],
        },
      ],
    },
  },
};

describe('requests the Gemini adapter sends are valid for the official Gemini API', () => {
  for (const [name, { model = 'gemini-2.5-flash', request }] of Object.entries(chatCases)) {
    const body = { model: `gemini/${model}`, messages: [], ...request } as ChatRequest;
    it(`generateContent: ${name}`, async () => {
      const exchange = await sendThroughAdapter(() => adapter.chat({ ...call(model), request: body }));
      expect(exchange.path).toBe(`/v1beta/models/${model}:generateContent`);
      expect(exchange.status, `Prism rejected the request: ${exchange.responseText}`).toBe(200);
    });
  }

  it('streamGenerateContent: multi-turn with tool results', async () => {
    const { request } =
      chatCases['multi-turn with parallel tool calls, a thought signature and tool results']!;
    const body = { model: 'gemini/gemini-2.5-flash', messages: [], ...request } as ChatRequest;
    const exchange = await sendThroughAdapter(() =>
      adapter.chatStream({ ...call('gemini-2.5-flash'), request: body }),
    );
    expect(exchange.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(exchange.status, `Prism rejected the request: ${exchange.responseText}`).toBe(200);
  });

  const embeddings: Record<string, EmbeddingRequest> = {
    'embedContent: one text': { model: 'e', input: 'hello', dimensions: 256 },
    'batchEmbedContents: several texts': { model: 'e', input: ['hello', 'world'] },
  };
  for (const [name, request] of Object.entries(embeddings)) {
    it(name, async () => {
      const exchange = await sendThroughAdapter(() =>
        adapter.embed!({ ...call('text-embedding-004'), request }),
      );
      expect(exchange.path).toMatch(
        /^\/v1beta\/models\/text-embedding-004:(embedContent|batchEmbedContents)$/,
      );
      expect(exchange.status, `Prism rejected the request: ${exchange.responseText}`).toBe(200);
    });
  }

  it('Prism really validates (a request the spec forbids is refused with 422)', async () => {
    // `n` must be an integer: the adapter passes 2.5 on as candidateCount, which the spec types int32.
    const body = {
      model: 'gemini/gemini-2.5-flash',
      messages: [{ role: 'user', content: 'Hi' }],
      n: 2.5,
    } as ChatRequest;
    const exchange = await sendThroughAdapter(() =>
      adapter.chat({ ...call('gemini-2.5-flash'), request: body }),
    );
    expect(exchange.status).toBe(422);
    // Prism puts its reasons in `sl-violations` (the body is still the spec's example).
    expect(exchange.violations).toContain('generationConfig.candidateCount must be integer');
  });
});
