import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import { textResponse } from '../../../test/support/create-fake-adapter.js';
import { createSimulator, type Simulator } from '../../simulator/index.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ProviderAdapter } from '../../spec/provider-adapter.js';
import type { SearchBackend } from './search-config.js';
import { createSearchAdapter } from './create-search-adapter.js';
import type { SearchSource } from './search-sources.js';

let simulator: Simulator;
let adapter: ProviderAdapter;
const synthesisRequests: ChatRequest[] = [];

beforeAll(async () => {
  simulator = await createSimulator({ seed: 11, timeScale: 0.02 });
  adapter = createSearchAdapter({
    provider: 'search',
    endpoints: {
      bing: `${simulator.url}/v7.0/search`,
      brave: `${simulator.url}/res/v1/web/search`,
      searxng: simulator.url,
    },
    maxResults: 4,
    synthesizer: {
      async chat(request) {
        synthesisRequests.push(request);
        return textResponse('Lighthouses guide ships [1] and use lenses [2].');
      },
      async chatStream() {
        throw new Error('not used');
      },
    },
  });
});

afterAll(async () => {
  await simulator?.close();
});

const ask = (backend: SearchBackend, question: string, apiKey = 'sim-search-key') =>
  adapter.chat({
    request: { model: `search/${backend}`, messages: [{ role: 'user', content: question }] },
    model: backend,
    credential: { id: `search#${backend}`, apiKey },
    baseUrl: simulator.url,
    signal: new AbortController().signal,
  });

describe('search adapter against the simulator', () => {
  for (const backend of ['bing', 'brave', 'searxng'] as const) {
    it(`normalises ${backend} results: plain text, plausible URLs, snippets about the query`, async () => {
      const response = await ask(backend, 'How do lighthouse lenses work?');
      const sources = response.sources as SearchSource[];
      expect(sources).toHaveLength(4);
      for (const source of sources) {
        expect(source.source).toBe(backend);
        expect(source.url).toMatch(/^https:\/\/[a-z.]+\.(org|com)\//);
        expect(source.title.length).toBeGreaterThan(5);
        expect(source.snippet).not.toMatch(/<\/?strong>/);
        expect(source.snippet.toLowerCase()).toMatch(/lighthouse|lenses|work/);
      }
      expect(new Set(sources.map((source) => source.url)).size).toBe(4);
      expect(response.choices[0]!.message.annotations).toHaveLength(2);
      expect(synthesisRequests.at(-1)!.messages[0]!.content).toContain(`[4] ${sources[3]!.title}`);
    });
  }

  it('finds the same pages for the same query, as the simulator is seeded', async () => {
    const first = await ask('brave', 'tidal energy');
    const second = await ask('brave', 'tidal energy');
    expect(second.sources).toEqual(first.sources);
  });

  it('answers "nothing found" for a query with sim-no-results', async () => {
    const response = await ask('bing', 'sim-no-results anything');
    expect(response.sources).toEqual([]);
    expect(response.choices[0]!.message.content).toMatch(/found no results/);
    const parts = await collect(
      await adapter.chatStream({
        request: { model: 'search/searxng', messages: [{ role: 'user', content: 'sim-no-results' }] },
        model: 'searxng',
        credential: { id: 'search#searxng' },
        baseUrl: simulator.url,
        signal: new AbortController().signal,
      }),
    );
    expect(parts.find((part) => part.type === 'text-delta')).toMatchObject({
      text: expect.stringMatching(/found no results/),
    });
  });

  it('maps the simulated failures of each backend', async () => {
    const failure = (backend: SearchBackend, question: string, apiKey?: string) =>
      ask(backend, question, apiKey).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(await failure('bing', 'weather', 'sim-invalid-key')).toMatchObject({ kind: 'auth', status: 401 });
    expect(await failure('bing', 'weather', 'sim-quota-key')).toMatchObject({ kind: 'quota', status: 403 });
    expect(await failure('bing', 'weather', 'sim-ratelimited-key')).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      retryAfterMs: 1000,
    });
    expect(await failure('brave', 'weather', 'sim-invalid-key')).toMatchObject({
      kind: 'auth',
      code: 'SUBSCRIPTION_TOKEN_INVALID',
    });
    expect(await failure('brave', 'weather', 'sim-quota-key')).toMatchObject({
      kind: 'quota',
      retryable: false,
    });
    expect(await failure('brave', 'weather', 'sim-ratelimited-key')).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 1000,
    });
    for (const backend of ['bing', 'brave', 'searxng'] as const) {
      expect(await failure(backend, 'sim-search-down please')).toMatchObject({ kind: 'server', status: 500 });
    }
  });
});
