import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import { textParts, textResponse } from '../../../test/support/create-fake-adapter.js';
import { createTestServer, type TestResponse } from '../../../test/support/create-test-server.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import { ProviderError } from '../../spec/provider-error.js';
import { createSearchAdapter } from './create-search-adapter.js';
import type { SearchAdapterOptions, SearchSynthesizer } from './search-config.js';

const citingAnswer = 'The Earth is 40,075 km around [1], and Wikipedia agrees [2].';

const searxngBody = {
  query: 'circumference of earth',
  results: [1, 2, 3].map((number) => ({
    url: `https://example.com/${number}`,
    title: `Result ${number}`,
    content: `Snippet ${number}`,
    publishedDate: null,
  })),
  unresponsive_engines: [],
};

const braveBody = {
  type: 'search',
  web: {
    results: [
      { title: 'Earth', url: 'https://example.org/earth', description: 'The <strong>Earth</strong>.' },
    ],
  },
};

const request: ChatRequest = {
  model: 'search/bing',
  messages: [
    { role: 'system', content: 'Answer in one sentence.' },
    { role: 'user', content: 'What is the circumference of earth?' },
  ],
  temperature: 0.3,
  max_tokens: 200,
  n: 2,
  response_format: { type: 'json_object' },
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
  tool_choice: 'auto',
  parallel_tool_calls: true,
};

let server: Awaited<ReturnType<typeof createTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A synthesizer that records what it was asked and answers (or fails) as scripted. */
function createFakeSynthesizer(
  script: { text?: string; parts?: ChatStreamPart[]; error?: ProviderError } = {},
) {
  const requests: ChatRequest[] = [];
  const synthesizer: SearchSynthesizer = {
    async chat(synthesisRequest) {
      requests.push(synthesisRequest);
      if (script.error) throw script.error;
      return textResponse(script.text ?? citingAnswer);
    },
    async chatStream(synthesisRequest) {
      requests.push(synthesisRequest);
      if (script.error) throw script.error;
      const parts = script.parts ?? textParts(script.text ?? citingAnswer);
      return (async function* () {
        yield* parts;
      })();
    },
  };
  return { synthesizer, requests };
}

async function setUp(
  routes: Record<string, TestResponse>,
  script: Parameters<typeof createFakeSynthesizer>[0] = {},
  options: Partial<SearchAdapterOptions> = {},
) {
  server = await createTestServer(routes);
  const fake = createFakeSynthesizer(script);
  const adapter = createSearchAdapter({
    provider: 'search',
    endpoints: {
      bing: `${server.url}/bing/v7.0/search`,
      brave: `${server.url}/res/v1/web/search?country=gb`,
      searxng: `${server.url}/searxng/`,
    },
    maxResults: 5,
    synthesizer: fake.synthesizer,
    ...options,
  });
  const call = (model: string, overrides: Partial<ChatRequest> = {}) => ({
    request: { ...request, model: `search/${model}`, ...overrides },
    model,
    credential: { id: `search#${model}`, apiKey: `secret-${model}-key` },
    baseUrl: server!.url,
    signal: new AbortController().signal,
  });
  return { adapter, call, server, ...fake };
}

const json = (body: unknown, extra: Partial<TestResponse> = {}): TestResponse => ({
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...extra,
});

describe('search adapter, non-streamed', () => {
  it('searches Bing with the key and plain-text options, and answers from the fixture results', async () => {
    const { adapter, call, server, requests } = await setUp({
      '/bing/v7.0/search': json(readFixture('web-search/bing-v7-search-response-docs.json')),
    });
    const response = await adapter.chat(call('bing'));

    const sent = server.calls[0]!;
    expect(sent.method).toBe('GET');
    expect(sent.url).toBe(
      '/bing/v7.0/search?q=What+is+the+circumference+of+earth%3F&count=5&textDecorations=false&responseFilter=Webpages',
    );
    expect(sent.headers['ocp-apim-subscription-key']).toBe('secret-bing-key');
    expect(sent.headers.accept).toBe('application/json');
    expect(sent.headers.authorization).toBeUndefined();

    expect(requests).toHaveLength(1);
    expect(requests[0]!.messages[0]!.content).toContain(
      '[1] Circumference of the Earth - Universe Today\nURL: https://www.universetoday.com/26461/circumference-of-the-earth/\nPublished: 2018-04-12T14:13:00.0000000Z\nThe circumference of the Earth in kilometers is 40,075 km',
    );
    expect(requests[0]!.messages[0]!.content).toContain(
      '[2] Earth - Wikipedia\nURL: https://en.wikipedia.org/wiki/Earth\n',
    );

    expect(response).toMatchObject({
      object: 'chat.completion',
      model: 'search/bing+fake-model',
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      sources: [
        {
          index: 1,
          title: 'Circumference of the Earth - Universe Today',
          url: 'https://www.universetoday.com/26461/circumference-of-the-earth/',
          published_at: '2018-04-12T14:13:00.0000000Z',
          source: 'bing',
        },
        { index: 2, title: 'Earth - Wikipedia', url: 'https://en.wikipedia.org/wiki/Earth', source: 'bing' },
      ],
    });
    const message = response.choices[0]!.message;
    expect(message.content).toBe(citingAnswer);
    expect(message.annotations).toEqual([
      {
        type: 'url_citation',
        url_citation: {
          start_index: 30,
          end_index: 33,
          title: 'Circumference of the Earth - Universe Today',
          url: 'https://www.universetoday.com/26461/circumference-of-the-earth/',
        },
      },
      {
        type: 'url_citation',
        url_citation: {
          start_index: 56,
          end_index: 59,
          title: 'Earth - Wikipedia',
          url: 'https://en.wikipedia.org/wiki/Earth',
        },
      },
    ]);
    expect(citingAnswer.slice(30, 33)).toBe('[1]');
    expect(citingAnswer.slice(56, 59)).toBe('[2]');
  });

  it("asks Brave with its token and JSON accept header, at most 20 results, keeping the endpoint's parameters", async () => {
    const { adapter, call, server } = await setUp(
      { '/res/v1/web/search': json(braveBody) },
      {},
      { maxResults: 25 },
    );
    const response = await adapter.chat(call('brave'));
    const sent = server.calls[0]!;
    expect(sent.url).toBe('/res/v1/web/search?country=gb&q=What+is+the+circumference+of+earth%3F&count=20');
    expect(sent.headers['x-subscription-token']).toBe('secret-brave-key');
    expect(sent.headers.accept).toBe('application/json');
    expect(response.sources).toEqual([
      { index: 1, title: 'Earth', url: 'https://example.org/earth', snippet: 'The Earth.', source: 'brave' },
    ]);
  });

  it('asks SearXNG for format=json without any key, and cuts its page to maxResults', async () => {
    const { adapter, call, server, requests } = await setUp(
      { '/searxng/search': json(searxngBody) },
      {},
      { maxResults: 2 },
    );
    const response = await adapter.chat(call('searxng'));
    const sent = server.calls[0]!;
    expect(sent.url).toBe('/searxng/search?q=What+is+the+circumference+of+earth%3F&format=json');
    expect(Object.keys(sent.headers)).not.toContain('x-subscription-token');
    expect(Object.keys(sent.headers)).not.toContain('ocp-apim-subscription-key');
    expect((response.sources as unknown[]).length).toBe(2);
    expect(requests[0]!.messages[0]!.content).not.toContain('Result 3');
  });

  it('builds the synthesis request: numbered sources first, the caller’s conversation kept, tools dropped', async () => {
    const { adapter, call, requests } = await setUp({ '/searxng/search': json(searxngBody) });
    await adapter.chat(call('searxng'));
    const synthesis = requests[0]!;
    const instruction = synthesis.messages[0]!;
    expect(instruction.role).toBe('system');
    expect(instruction.content).toMatch(/Cite the sources you use by their number in square brackets/);
    expect(instruction.content).toMatch(/Search query: What is the circumference of earth\?/);
    expect(instruction.content).toMatch(
      /\[1\] Result 1\nURL: https:\/\/example.com\/1\nSnippet 1\n\n\[2\] Result 2\n[^]*\[3\] Result 3\nURL: https:\/\/example.com\/3\nSnippet 3$/,
    );
    expect(synthesis.messages.slice(1)).toEqual(request.messages);
    expect(synthesis).toEqual({
      model: 'search/searxng',
      messages: synthesis.messages,
      stream: false,
      temperature: 0.3,
      max_tokens: 200,
    });
  });
});

describe('search adapter, streamed', () => {
  it('streams the synthesis, renamed, with the sources block before the finish', async () => {
    const { adapter, call, requests } = await setUp(
      { '/searxng/search': json(searxngBody) },
      {},
      { maxResults: 2 },
    );
    const parts = await collect(await adapter.chatStream(call('searxng')));
    expect(requests[0]).toMatchObject({ stream: true });
    expect(parts).toEqual([
      { type: 'response-metadata', id: 'chatcmpl-fake', model: 'search/searxng+fake-model', created: 1 },
      { type: 'text-delta', choiceIndex: 0, text: citingAnswer },
      {
        type: 'text-delta',
        choiceIndex: 0,
        text: '\n\nSources:\n[1] Result 1 — https://example.com/1\n[2] Result 2 — https://example.com/2',
      },
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      { type: 'usage', usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } },
    ]);
  });

  it('names the model itself when the synthesis did not, and ends a cut synthesis without sources', async () => {
    const error = new ProviderError({ kind: 'network', provider: 'openai', message: 'cut' });
    const { adapter, call } = await setUp(
      { '/searxng/search': json(searxngBody) },
      {
        parts: [
          { type: 'text-delta', choiceIndex: 0, text: 'Partial [1]' },
          { type: 'error', error },
        ],
      },
    );
    const parts = await collect(await adapter.chatStream(call('searxng')));
    expect(parts).toEqual([
      { type: 'response-metadata', model: 'search/searxng' },
      { type: 'text-delta', choiceIndex: 0, text: 'Partial [1]' },
      { type: 'error', error },
    ]);
  });
});

describe('search adapter, no results and rejected requests', () => {
  it('answers directly that nothing was found, without calling the synthesizer', async () => {
    const empty = { ...searxngBody, results: [] };
    const { adapter, call, requests } = await setUp({ '/searxng/search': json(empty) });
    const response = await adapter.chat(call('searxng'));
    expect(response.choices[0]!.message).toMatchObject({
      content:
        'The web search (searxng) found no results for "What is the circumference of earth?", so there are no sources to answer from. Try other keywords or a broader question.',
      annotations: [],
    });
    expect(response).toMatchObject({
      model: 'search/searxng',
      sources: [],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
    const parts = await collect(await adapter.chatStream(call('searxng')));
    expect(parts.map((part) => part.type)).toEqual(['response-metadata', 'text-delta', 'finish', 'usage']);
    expect(parts[1]).toMatchObject({ text: response.choices[0]!.message.content });
    expect(requests).toHaveLength(0);
  });

  it('rejects a request without user text before searching', async () => {
    const { adapter, call, server, requests } = await setUp({ '/searxng/search': json(searxngBody) });
    const noText = call('searxng', { messages: [{ role: 'system', content: 'Be brief.' }] });
    await expect(adapter.chat(noText)).rejects.toMatchObject({ kind: 'bad-request', param: 'messages' });
    await expect(adapter.chatStream(noText)).rejects.toMatchObject({ kind: 'bad-request' });
    expect(server.calls).toHaveLength(0);
    expect(requests).toHaveLength(0);
  });

  it('refuses a backend that is not configured', async () => {
    const { adapter, call } = await setUp({}, {}, { endpoints: { brave: 'http://127.0.0.1:9/search' } });
    await expect(adapter.chat(call('tavily'))).rejects.toMatchObject({
      kind: 'not-found',
      message: 'search has no search backend "tavily" (configured: brave)',
    });
    await expect(adapter.chat(call('bing'))).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('search adapter, failures', () => {
  it('passes synthesis failures through as they are, streamed or not', async () => {
    const error = new ProviderError({ kind: 'rate-limited', provider: 'openai', message: 'slow down' });
    const { adapter, call } = await setUp({ '/searxng/search': json(searxngBody) }, { error });
    await expect(adapter.chat(call('searxng'))).rejects.toBe(error);
    await expect(adapter.chatStream(call('searxng'))).rejects.toBe(error);
  });

  it('throws search failures before any stream, with Retry-After and without the key', async () => {
    const { adapter, call } = await setUp({
      '/res/v1/web/search': json(readFixture('web-search/brave-error-429-rate-limited.json'), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '2' },
      }),
    });
    const failure = adapter.chatStream(call('brave'));
    await expect(failure).rejects.toBeInstanceOf(ProviderError);
    await expect(failure).rejects.toMatchObject({
      kind: 'rate-limited',
      provider: 'search',
      status: 429,
      retryAfterMs: 2000,
      message: 'brave: Request rate limit exceeded for plan (RATE_LIMITED)',
    });
    const error = (await failure.catch((thrown: unknown) => thrown)) as ProviderError;
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('secret-brave-key');
  });

  it('maps an unreachable backend to a retryable network error', async () => {
    const { adapter, call } = await setUp({}, {}, { endpoints: { bing: 'http://127.0.0.1:9/v7.0/search' } });
    await expect(adapter.chat(call('bing'))).rejects.toMatchObject({ kind: 'network', retryable: true });
  });

  it('maps a body that is not JSON, and SearXNG engines that all failed, to server errors', async () => {
    const { adapter, call } = await setUp({
      '/res/v1/web/search': json('<html>maintenance</html>'),
      '/searxng/search': json({ results: [], unresponsive_engines: [['google', 'timeout']] }),
    });
    await expect(adapter.chat(call('brave'))).rejects.toMatchObject({
      kind: 'server',
      message: 'brave: the search answer is not JSON',
    });
    await expect(adapter.chat(call('searxng'))).rejects.toMatchObject({
      kind: 'server',
      retryable: true,
      message: 'searxng: no engine answered: google (timeout)',
    });
  });
});
