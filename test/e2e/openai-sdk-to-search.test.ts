import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { createTestServer, sseResponse } from '../support/create-test-server.js';
import { createOpenAISpecValidator } from '../support/openai-spec-validator.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * The search provider end to end: the openai SDK calls `search/brave` and `search/searxng` on the real
 * gateway; the simulator plays the search backends and the synthesis model (`openai/sim-fast`), which
 * the search adapter reaches through the gateway's own routing.
 */
interface Source {
  index: number;
  title: string;
  url: string;
  snippet: string;
  source: string;
}
type SearchCompletion = ChatCompletion & { sources: Source[] };

const validate = createOpenAISpecValidator();
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 3, timeScale: 0.02 });
  running = await startGateway({
    BRAVE_API_KEY: 'sim-key',
    BRAVE_BASE_URL: `${simulator.url}/res/v1/web/search`,
    SEARXNG_URL: simulator.url,
    OPENAI_API_KEY: 'sim',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    SEARCH_SYNTHESIS_MODEL: 'openai/sim-fast',
  });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller-key', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const question = [{ role: 'user' as const, content: 'How tall is the Eiffel Tower?' }];

/** Every annotation spans a `[n]` of the content that cites the source whose URL it carries. */
function expectAnnotationsMatchCitations(completion: SearchCompletion): void {
  const message = completion.choices[0]!.message;
  const characters = Array.from(message.content ?? '');
  for (const annotation of message.annotations ?? []) {
    const citation = annotation.url_citation;
    const span = characters.slice(citation.start_index, citation.end_index).join('');
    const numbers = span
      .slice(1, -1)
      .split(/\s*[,;]\s*/)
      .map(Number);
    expect(span).toMatch(/^\[\d+(\s*[,;]\s*\d+)*\]$/);
    expect(numbers.map((number) => completion.sources[number - 1]?.url)).toContain(citation.url);
  }
}

describe('search through the gateway, with the openai SDK', () => {
  for (const backend of ['brave', 'searxng'] as const) {
    it(`answers search/${backend} non-streamed, with sources, annotations and the synthesis usage`, async () => {
      simulator.reset();
      const { data, response } = await client.chat.completions
        .create({ model: `search/${backend}`, messages: question })
        .withResponse();
      const completion = data as SearchCompletion;
      expect(validate('CreateChatCompletionResponse', completion)).toEqual([]);
      expect(completion.model).toBe(`search/${backend}+sim-fast`);
      expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(20);
      expect(Array.isArray(completion.choices[0]!.message.annotations)).toBe(true);
      expectAnnotationsMatchCitations(completion);
      expect(completion.sources).toHaveLength(5);
      expect(completion.sources.map((source) => source.index)).toEqual([1, 2, 3, 4, 5]);
      for (const source of completion.sources) {
        expect(source).toMatchObject({ source: backend, url: expect.stringMatching(/^https:\/\//) });
      }
      expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
      expect(response.headers.get('x-arbiter-provider')).toBe('search');
      expect(response.headers.get('x-arbiter-model')).toBe(backend);

      const [search, synthesis] = simulator.requests;
      expect(search!.method).toBe('GET');
      expect(search!.headers['x-subscription-token']).toBe(backend === 'brave' ? 'sim-key' : undefined);
      expect(synthesis!.path).toBe('/v1/chat/completions');
      expect(synthesis!.headers.authorization).toBe('Bearer sim');
      const body = synthesis!.body as { model: string; messages: Array<{ role: string; content: string }> };
      expect(body.model).toBe('sim-fast');
      expect(body.messages[0]!.content).toContain(
        `[5] ${completion.sources[4]!.title}\nURL: ${completion.sources[4]!.url}`,
      );
      expect(body.messages.slice(1)).toEqual(question);
    });

    it(`streams search/${backend}, ending with the sources block`, async () => {
      const stream = await client.chat.completions.create({
        model: `search/${backend}`,
        messages: question,
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks: ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      for (const chunk of chunks) expect(validate('CreateChatCompletionStreamResponse', chunk)).toEqual([]);
      expect(new Set(chunks.map((chunk) => chunk.model))).toEqual(new Set([`search/${backend}+sim-fast`]));
      const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
      const [answer, sources] = text.split('\n\nSources:\n');
      expect(answer!.length).toBeGreaterThan(20);
      const lines = sources!.split('\n');
      expect(lines).toHaveLength(5);
      lines.forEach((line, index) =>
        expect(line).toMatch(new RegExp(`^\\[${index + 1}\\] .+ — https://\\S+$`)),
      );
      expect(chunks.filter((chunk) => chunk.choices[0]?.finish_reason === 'stop')).toHaveLength(1);
      expect(chunks.at(-1)!.usage!.completion_tokens).toBeGreaterThan(0);
    });
  }

  it('sends a valid OpenAI synthesis request, without the caller’s tools', async () => {
    simulator.reset();
    await client.chat.completions.create({
      model: 'search/searxng',
      messages: question,
      tools: [
        { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
      ],
      tool_choice: 'required',
      temperature: 0.2,
    });
    const synthesis = simulator.requests.find((request) => request.path === '/v1/chat/completions')!;
    expect(synthesis.body).not.toHaveProperty('tools');
    expect(synthesis.body).not.toHaveProperty('tool_choice');
    expect(synthesis.body).toMatchObject({ temperature: 0.2 });
    expect(validate('CreateChatCompletionRequest', synthesis.body)).toEqual([]);
  });

  it('says plainly when nothing was found', async () => {
    const completion = (await client.chat.completions.create({
      model: 'search/brave',
      messages: [{ role: 'user', content: 'sim-no-results whatever' }],
    })) as SearchCompletion;
    expect(completion.choices[0]!.message.content).toMatch(/^The web search \(brave\) found no results/);
    expect(completion.sources).toEqual([]);
  });

  it('rejects a request without user text, and reports a failed search', async () => {
    const empty = await client.chat.completions
      .create({ model: 'search/brave', messages: [{ role: 'system', content: 'Be brief.' }] })
      .catch((error: unknown) => error);
    expect(empty).toBeInstanceOf(OpenAI.BadRequestError);
    expect((empty as Error).message).toMatch(/no user message with text/);
    const down = await client.chat.completions
      .create({ model: 'search/searxng', messages: [{ role: 'user', content: 'sim-search-down' }] })
      .catch((error: unknown) => error);
    expect(down).toBeInstanceOf(OpenAI.APIError);
    expect(down).toMatchObject({ status: 502 });
    expect((down as Error).message).toMatch(/searxng: search error/);
  });
});

describe('citations from a synthesis model that cites', () => {
  const answer = 'It is 330 m tall [1], counting its antennas [2, 3].';
  let upstream: Awaited<ReturnType<typeof createTestServer>>;
  let citing: RunningGateway;
  let isNextStream = false;

  beforeAll(async () => {
    const completion = {
      id: 'chatcmpl-cites',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 400, completion_tokens: 20, total_tokens: 420 },
    };
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ ...completion, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    upstream = await createTestServer({
      '/v1/chat/completions': () =>
        isNextStream
          ? sseResponse(
              chunk({ role: 'assistant', content: answer }, null) + chunk({}, 'stop') + 'data: [DONE]\n\n',
            )
          : { body: JSON.stringify(completion) },
    });
    citing = await startGateway({
      BRAVE_API_KEY: 'sim-key',
      BRAVE_BASE_URL: `${simulator.url}/res/v1/web/search`,
      OPENAI_API_KEY: 'sk-citing',
      OPENAI_BASE_URL: `${upstream.url}/v1`,
      SEARCH_SYNTHESIS_MODEL: 'openai/gpt-4o-mini',
    });
  });

  afterAll(async () => {
    await citing?.close();
    await upstream?.close();
  });

  it('turns every [n] into a url_citation annotation over its exact span', async () => {
    isNextStream = false;
    const sdk = new OpenAI({ baseURL: `${citing.url}/v1`, apiKey: 'caller', maxRetries: 0 });
    const completion = (await sdk.chat.completions.create({
      model: 'search/brave',
      messages: question,
    })) as SearchCompletion;
    expect(validate('CreateChatCompletionResponse', completion)).toEqual([]);
    expect(completion.model).toBe('search/brave+gpt-4o-mini-2024-07-18');
    const { content, annotations } = completion.choices[0]!.message;
    expect(content).toBe(answer);
    expect(annotations!.map((annotation) => annotation.url_citation)).toEqual([
      {
        start_index: 17,
        end_index: 20,
        title: completion.sources[0]!.title,
        url: completion.sources[0]!.url,
      },
      {
        start_index: 44,
        end_index: 50,
        title: completion.sources[1]!.title,
        url: completion.sources[1]!.url,
      },
      {
        start_index: 44,
        end_index: 50,
        title: completion.sources[2]!.title,
        url: completion.sources[2]!.url,
      },
    ]);
    expect(answer.slice(17, 20)).toBe('[1]');
    expect(answer.slice(44, 50)).toBe('[2, 3]');
    expect(completion.usage).toMatchObject({ prompt_tokens: 400, completion_tokens: 20 });

    isNextStream = true;
    const streamed = await sdk.chat.completions
      .stream({ model: 'search/brave', messages: question })
      .finalContent();
    expect(streamed).toMatch(/^It is 330 m tall \[1\], counting its antennas \[2, 3\]\.\n\nSources:\n\[1\] /);
  });
});

describe('synthesis route failures', () => {
  it('refuses a synthesis route that leads back to search, and one that is not configured', async () => {
    for (const [synthesisModel, reason] of [
      ['auto', /resolves to the search provider itself \(search\/brave\)/],
      ['openai/gpt-4o-mini', /The provider "openai" is not configured/],
    ] as const) {
      const gateway = await startGateway({
        BRAVE_API_KEY: 'sim-key',
        BRAVE_BASE_URL: `${simulator.url}/res/v1/web/search`,
        SEARCH_SYNTHESIS_MODEL: synthesisModel,
      });
      try {
        const sdk = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'caller', maxRetries: 0 });
        const error = await sdk.chat.completions
          .create({ model: 'search/brave', messages: question })
          .catch((thrown: unknown) => thrown);
        expect(error).toMatchObject({ status: 502 });
        expect((error as Error).message).toContain(
          `SEARCH_SYNTHESIS_MODEL "${synthesisModel}" cannot write search answers`,
        );
        expect((error as Error).message).toMatch(reason);
      } finally {
        await gateway.close();
      }
    }
  });

  it('passes a failed synthesis on as the synthesis provider’s own error', async () => {
    const gateway = await startGateway({
      SEARXNG_URL: simulator.url,
      OPENAI_API_KEY: 'sim',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      SEARCH_SYNTHESIS_MODEL: 'openai/sim-429',
    });
    try {
      const sdk = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'caller', maxRetries: 0 });
      const error = await sdk.chat.completions
        .create({ model: 'search/searxng', messages: question })
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect((error as Error).message).toMatch(/Rate limit reached for sim-429/);
    } finally {
      await gateway.close();
    }
  });
});
