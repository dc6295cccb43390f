import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.01, profiles: { 'sim-always-500': { errorRate: 1 } } });
});
afterAll(() => simulator.close());

const user = (text: string) => ({ role: 'user', parts: [{ text }] });
const question = { contents: [user('Summarise the quarterly budget review')] };
const weather = {
  functionDeclarations: [
    {
      name: 'get_weather',
      description: 'Weather in a city',
      parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  ],
};

function post(path: string, body: unknown, apiKey = 'gemini-behaviour-key'): Promise<Response> {
  return fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-goog-api-key': apiKey } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const generate = (model: string, body: unknown, apiKey?: string) =>
  post(`/v1beta/models/${model}:generateContent`, body, apiKey);
const errorOf = async (response: Response) =>
  (
    (await response.json()) as {
      error: { code: number; status: string; message: string; details?: unknown[] };
    }
  ).error;

describe('behaviours chosen by model name and key, in Google RPC errors', () => {
  it('sim-down is 503 UNAVAILABLE, sim-always-500 500 INTERNAL, sim-429 RESOURCE_EXHAUSTED with RetryInfo', async () => {
    expect(await errorOf(await generate('sim-down', question))).toMatchObject({
      code: 503,
      status: 'UNAVAILABLE',
    });
    expect(await errorOf(await generate('sim-always-500', question))).toMatchObject({
      code: 500,
      status: 'INTERNAL',
    });
    const limited = await errorOf(await generate('sim-429', question));
    expect(limited).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(limited.details).toContainEqual({
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: '1s',
    });
  });

  it('sim-flaky fails some requests with 500 INTERNAL', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async () => (await generate('sim-flaky', question)).status),
    );
    expect(statuses.filter((status) => status === 500).length).toBeGreaterThan(3);
    expect(statuses.every((status) => status === 200 || status === 500)).toBe(true);
  });

  it('reads the key from x-goog-api-key or ?key=, with the key words', async () => {
    expect(await errorOf(await generate('sim-fast', question, ''))).toMatchObject({
      code: 403,
      status: 'PERMISSION_DENIED',
    });
    expect((await post('/v1beta/models/sim-fast:generateContent?key=query-key', question, '')).status).toBe(
      200,
    );
    const quota = await errorOf(await generate('sim-fast', question, 'key-with-quota-gone'));
    expect(JSON.stringify(quota.details)).toContain('PerDay');
    const rate = await errorOf(await generate('sim-fast', question, 'ratelimited-key'));
    expect(JSON.stringify(rate.details)).toContain('PerMinute');
  });

  it('max tokens finish with MAX_TOKENS; stop sequences and candidateCount are honoured', async () => {
    const body = (await (
      await generate('sim-fast', { ...question, generationConfig: { maxOutputTokens: 3, candidateCount: 2 } })
    ).json()) as {
      candidates: Array<{ finishReason: string; index: number }>;
      usageMetadata: Record<string, number>;
    };
    expect(body.candidates.map((candidate) => [candidate.index, candidate.finishReason])).toEqual([
      [0, 'MAX_TOKENS'],
      [1, 'MAX_TOKENS'],
    ]);
    expect(body.usageMetadata.candidatesTokenCount).toBe(6);
  });

  it('sim-cut drops the stream before any finishReason; sim-hang never answers', async () => {
    const response = await post('/v1beta/models/sim-cut:streamGenerateContent?alt=sse', question);
    expect(response.status).toBe(200);
    const raw = await response.text().catch(() => 'cut');
    expect(raw).not.toContain('finishReason');
    const hang = post('/v1beta/models/sim-hang:generateContent', question);
    const outcome = await Promise.race([
      hang.then(() => 'answered'),
      new Promise((resolve) => setTimeout(resolve, 200, 'waiting')),
    ]);
    expect(outcome).toBe('waiting');
  });

  it('sim-tools calls two functions whole, the first signed, and answers the tool results with text', async () => {
    const tools = [
      { functionDeclarations: [...weather.functionDeclarations, { name: 'get_time', description: '' }] },
    ];
    const first = (await (await generate('sim-tools', { ...question, tools })).json()) as {
      candidates: Array<{ content: { parts: Array<Record<string, unknown>> }; finishReason: string }>;
    };
    const parts = first.candidates[0]!.content.parts;
    expect(parts.map((part) => (part.functionCall as { name: string }).name)).toEqual([
      'get_weather',
      'get_time',
    ]);
    expect(typeof parts[0]!.thoughtSignature).toBe('string');
    expect(parts[1]).not.toHaveProperty('thoughtSignature');
    const followUp = {
      contents: [
        question.contents[0],
        { role: 'model', parts },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'get_weather', response: { output: 'sunny' } } },
            { functionResponse: { name: 'get_time', response: { output: 'noon' } } },
          ],
        },
      ],
      tools,
    };
    const answer = (await (await generate('sim-tools', followUp)).json()) as {
      candidates: Array<{ content: { parts: Array<{ text: string }> } }>;
    };
    expect(answer.candidates[0]!.content.parts[0]!.text).toContain('According to get_weather, the result is');
  });
});

describe('request validation, as Gemini answers 400 INVALID_ARGUMENT', () => {
  const invalid = async (body: unknown, model = 'sim-fast') => {
    const response = await generate(model, body);
    expect(response.status).toBe(400);
    return (await errorOf(response)).message;
  };

  it('rejects unknown fields, empty contents, bad roles and malformed JSON', async () => {
    expect(await invalid({ ...question, messages: [] })).toContain(
      'Unknown name "messages": Cannot find field.',
    );
    expect(await invalid({ ...question, generationConfig: { max_tokens: 3 } })).toContain(
      'Unknown name "max_tokens"',
    );
    expect(await invalid({ contents: [] })).toContain('contents is not specified');
    expect(await invalid({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] })).toBe(
      'Please use a valid role: user, model.',
    );
    expect(await invalid('{"contents": [')).toContain('Invalid JSON payload received');
    expect(
      await invalid({
        ...question,
        generationConfig: { thinkingConfig: { thinkingBudget: 1, thinkingLevel: 'LOW' } },
      }),
    ).toContain('only one of thinking budget and thinking level');
  });

  it('rejects function responses that do not answer the call turn one for one', async () => {
    const call = { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: {} } }] };
    const response = (name: string) => ({ functionResponse: { name, response: {} } });
    expect(
      await invalid({ contents: [user('hi'), { role: 'user', parts: [response('get_weather')] }] }),
    ).toContain('function response turn comes immediately after a function call turn');
    expect(
      await invalid({
        contents: [user('hi'), call, { role: 'user', parts: [response('a'), response('b')] }],
      }),
    ).toContain('number of function response parts is equal to the number of function call parts');
  });

  it('requires thought signatures on the current turn for gemini-3 models only, accepting the skip value', async () => {
    const turn = (signature?: string) => ({
      contents: [
        user('Weather in Paris?'),
        {
          role: 'model',
          parts: [
            {
              functionCall: { name: 'get_weather', args: { city: 'Paris' } },
              ...(signature ? { thoughtSignature: signature } : {}),
            },
          ],
        },
        {
          role: 'user',
          parts: [{ functionResponse: { name: 'get_weather', response: { output: 'sunny' } } }],
        },
      ],
      tools: [weather],
    });
    expect(await invalid(turn(), 'gemini-3-pro-preview')).toContain('missing a thought_signature');
    expect(await invalid(turn('not base64!'), 'gemini-3-pro-preview')).toContain('Base64 decoding failed');
    expect((await generate('gemini-3-pro-preview', turn('c2lnbmF0dXJl'))).status).toBe(200);
    expect((await generate('gemini-3-pro-preview', turn('skip_thought_signature_validator'))).status).toBe(
      200,
    );
    expect((await generate('gemini-2.5-flash', turn())).status).toBe(200);
  });
});

describe('other methods and paths', () => {
  it('counts tokens, embeds one or several texts deterministically', async () => {
    const count = (await (await post('/v1beta/models/sim-fast:countTokens', question)).json()) as {
      totalTokens: number;
    };
    const generated = (await (await generate('sim-fast', question)).json()) as {
      usageMetadata: { promptTokenCount: number };
    };
    expect(count.totalTokens).toBe(generated.usageMetadata.promptTokenCount);

    const one = (await (
      await post('/v1beta/models/text-embedding-004:embedContent', { content: { parts: [{ text: 'a' }] } })
    ).json()) as { embedding: { values: number[] } };
    expect(one.embedding.values).toHaveLength(768);
    expect(Math.hypot(...one.embedding.values)).toBeCloseTo(1, 5);
    const batch = (await (
      await post('/v1beta/models/text-embedding-004:batchEmbedContents', {
        requests: ['a', 'b'].map((text) => ({
          model: 'models/text-embedding-004',
          content: { parts: [{ text }] },
          outputDimensionality: 4,
        })),
      })
    ).json()) as { embeddings: Array<{ values: number[] }> };
    expect(batch.embeddings.map((embedding) => embedding.values.length)).toEqual([4, 4]);
    expect(batch.embeddings[0]!.values).not.toEqual(batch.embeddings[1]!.values);
    const mismatch = await post('/v1beta/models/text-embedding-004:batchEmbedContents', {
      requests: [{ model: 'models/other', content: { parts: [{ text: 'a' }] } }],
    });
    expect(mismatch.status).toBe(400);
  });

  it('lists models in pages, gets one, and 404s an unknown sim model', async () => {
    const get = (path: string) => fetch(`${simulator.url}${path}`, { headers: { 'x-goog-api-key': 'k' } });
    const first = (await (await get('/v1beta/models?pageSize=4')).json()) as {
      models: Array<{ name: string }>;
      nextPageToken?: string;
    };
    expect(first.models.map((model) => model.name)).toEqual([
      'models/sim-fast',
      'models/sim-instant',
      'models/sim-slow',
      'models/sim-flaky',
    ]);
    const all: string[] = [];
    let token: string | undefined = '';
    while (token !== undefined) {
      const page = (await (await get(`/v1beta/models?pageSize=4&pageToken=${token}`)).json()) as typeof first;
      all.push(...page.models.map((model) => model.name));
      token = page.nextPageToken;
    }
    expect(all).toContain('models/text-embedding-004');
    expect(((await (await get('/v1beta/models/sim-tools')).json()) as { name: string }).name).toBe(
      'models/sim-tools',
    );
    expect((await get('/v1beta/models/sim-nope')).status).toBe(404);
  });

  it('claims /v1/models/{model}:{method} but leaves /v1/models and /v1beta/openai/ to the OpenAI wire', async () => {
    expect((await post('/v1/models/sim-fast:generateContent', question)).status).toBe(200);
    const openAIList = await fetch(`${simulator.url}/v1/models`, { headers: { authorization: 'Bearer k' } });
    expect(((await openAIList.json()) as { object: string }).object).toBe('list');
    const compatible = await fetch(`${simulator.url}/v1beta/openai/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sim-fast', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(((await compatible.json()) as { object: string }).object).toBe('chat.completion');
  });

  it('streams one JSON array without alt=sse', async () => {
    const response = await post('/v1beta/models/sim-fast:streamGenerateContent', question);
    const chunks = JSON.parse(await response.text()) as Array<{
      candidates: Array<{ finishReason?: string }>;
    }>;
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.at(-1)!.candidates[0]!.finishReason).toBe('STOP');
  });
});
