import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestResponse } from '../../../test/support/create-test-server.js';
import { readFixture, readJSONFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import { createGeminiAdapter } from './create-gemini-adapter.js';
import { getThoughtSignatureFromToolCallId } from './gemini-tool-call-id.js';

const adapter = createGeminiAdapter({ provider: 'gemini' });
let server: Awaited<ReturnType<typeof createTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(path: string, answer: TestResponse) {
  await server?.close();
  server = await createTestServer({ [path]: answer });
  return server;
}

function callFor(request: Partial<ChatRequest>, model: string) {
  return {
    request: {
      model: `gemini/${model}`,
      messages: [{ role: 'user', content: 'hi' }],
      ...request,
    } as ChatRequest,
    model,
    credential: { id: 'gemini#1', apiKey: 'AIza-test-key-123' },
    baseUrl: server!.url,
    signal: new AbortController().signal,
  };
}

const json = (body: unknown, status = 200): TestResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
describe('Gemini adapter, non-streamed', () => {
  it('posts to :generateContent with x-goog-api-key and reads gemini/nonstream-text.json', async () => {
    await serve(
      '/v1beta/models/gemini-3-pro-preview:generateContent',
      json(readFixture('gemini/nonstream-text.json')),
    );
    const response = await adapter.chat(
      callFor(
        { messages: [{ role: 'user', content: 'How many rs in strawberry?' }] },
        'gemini-3-pro-preview',
      ),
    );
    const sent = server!.calls[0]!;
    expect(sent.url).toBe('/v1beta/models/gemini-3-pro-preview:generateContent');
    expect(sent.headers['x-goog-api-key']).toBe('AIza-test-key-123');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.bodyJSON).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'How many rs in strawberry?' }] }],
      generationConfig: {},
    });
    expect(response).toMatchObject({
      id: 'Un6LacrVMcjUxs0PmJfWoQc',
      object: 'chat.completion',
      model: 'gemini-3-pro-preview',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: expect.stringMatching(/^There are \*\*3\*\* r's/),
            refusal: null,
          },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      // candidates EXCLUDE thoughts: completion = 28 + 244.
      usage: {
        prompt_tokens: 9,
        completion_tokens: 272,
        total_tokens: 281,
        completion_tokens_details: { reasoning_tokens: 244 },
      },
    });
  });

  it('turns a STOP with a functionCall into tool_calls with a synthesized id (gemini/nonstream-tool-call.json)', async () => {
    const fixture = readJSONFixture<{
      candidates: Array<{ content: { parts: Array<{ thoughtSignature: string }> } }>;
    }>('gemini/nonstream-tool-call.json');
    await serve('/v1beta/models/gemini-3-pro-preview:generateContent', json(fixture));
    const response = await adapter.chat(callFor({}, 'gemini-3-pro-preview'));
    const choice = response.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      {
        id: expect.stringMatching(/^call_[A-Za-z0-9]{24}_ts_[A-Za-z0-9_-]+$/),
        type: 'function',
        function: { name: 'weather', arguments: '{"location":"San Francisco"}' },
      },
    ]);
    expect(getThoughtSignatureFromToolCallId(choice.message.tool_calls![0]!.id)).toBe(
      fixture.candidates[0]!.content.parts[0]!.thoughtSignature,
    );
    expect(response.usage).toMatchObject({ prompt_tokens: 29, completion_tokens: 908, total_tokens: 937 });
  });

  it('returns thought parts as reasoning_content and a blocked prompt as a content-filter error', async () => {
    await serve(
      '/v1beta/models/gemini-2.5-flash:generateContent',
      json({
        candidates: [
          {
            content: {
              role: 'model',
              parts: [{ text: 'Counting letters.', thought: true }, { text: 'Three.' }],
            },
            finishReason: 'STOP',
          },
        ],
        usageMetadata: {
          promptTokenCount: 5,
          candidatesTokenCount: 2,
          thoughtsTokenCount: 4,
          cachedContentTokenCount: 3,
        },
      }),
    );
    const response = await adapter.chat(callFor({}, 'gemini-2.5-flash'));
    expect(response.choices[0]!.message).toMatchObject({
      content: 'Three.',
      reasoning_content: 'Counting letters.',
    });
    expect(response.usage).toEqual({
      prompt_tokens: 5,
      completion_tokens: 6,
      total_tokens: 11,
      prompt_tokens_details: { cached_tokens: 3 },
      completion_tokens_details: { reasoning_tokens: 4 },
    });
    await serve(
      '/v1beta/models/gemini-2.5-flash:generateContent',
      json({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 5 } }),
    );
    await expect(adapter.chat(callFor({}, 'gemini-2.5-flash'))).rejects.toMatchObject({
      kind: 'content-filter',
      code: 'PROHIBITED_CONTENT',
      retryable: false,
    });
  });

  it('maps MAX_TOKENS and SAFETY finish reasons', async () => {
    const finishing = (finishReason: string) =>
      json({
        candidates: [{ content: { role: 'model', parts: [{ text: 'Partial' }] }, finishReason, index: 0 }],
      });
    await serve('/v1beta/models/gemini-2.5-flash:generateContent', finishing('MAX_TOKENS'));
    expect((await adapter.chat(callFor({}, 'gemini-2.5-flash'))).choices[0]!.finish_reason).toBe('length');
    await serve('/v1beta/models/gemini-2.5-flash:generateContent', finishing('SAFETY'));
    expect((await adapter.chat(callFor({}, 'gemini-2.5-flash'))).choices[0]!.finish_reason).toBe(
      'content_filter',
    );
  });
});

describe('Gemini adapter, models and embeddings', () => {
  const call = () => ({
    credential: { id: 'gemini#1', apiKey: 'AIza-test-key-123' },
    baseUrl: server!.url,
    signal: new AbortController().signal,
  });

  it('lists only generateContent models, without the models/ prefix, following pages', async () => {
    let page = 0;
    await server?.close();
    server = await createTestServer({
      '/v1beta/models': () =>
        json(
          page++ === 0
            ? {
                models: [
                  {
                    name: 'models/gemini-2.5-flash',
                    inputTokenLimit: 1_048_576,
                    supportedGenerationMethods: ['generateContent', 'countTokens'],
                  },
                  { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
                ],
                nextPageToken: 'page-2',
              }
            : {
                models: [{ name: 'models/gemini-2.5-pro', supportedGenerationMethods: ['generateContent'] }],
              },
        ),
    });
    const models = await adapter.listModels!(call());
    expect(models).toEqual([
      { id: 'gemini-2.5-flash', ownedBy: 'google', contextWindow: 1_048_576 },
      { id: 'gemini-2.5-pro', ownedBy: 'google' },
    ]);
    expect(server.calls.map((sent) => sent.url)).toEqual([
      '/v1beta/models?pageSize=1000',
      '/v1beta/models?pageSize=1000&pageToken=page-2',
    ]);
    expect(server.calls[0]!.headers['x-goog-api-key']).toBe('AIza-test-key-123');
  });

  it('uses embedContent for one input and batchEmbedContents for several, estimating usage', async () => {
    await serve(
      '/v1beta/models/text-embedding-004:embedContent',
      json({ embedding: { values: [0.5, -0.25] } }),
    );
    const one = await adapter.embed!({
      ...call(),
      model: 'text-embedding-004',
      request: { model: 'e', input: 'hello world!', dimensions: 2 },
    });
    expect(server!.calls[0]!.bodyJSON).toEqual({
      content: { parts: [{ text: 'hello world!' }] },
      outputDimensionality: 2,
    });
    expect(one).toEqual({
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.5, -0.25] }],
      model: 'text-embedding-004',
      usage: { prompt_tokens: 3, total_tokens: 3 },
    });

    await serve(
      '/v1beta/models/text-embedding-004:batchEmbedContents',
      json({ embeddings: [{ values: [1] }, { values: [0.5] }] }),
    );
    const batch = await adapter.embed!({
      ...call(),
      model: 'text-embedding-004',
      request: { model: 'e', input: ['a', 'b'], encoding_format: 'base64' },
    });
    expect(server!.calls[0]!.bodyJSON).toEqual({
      requests: [
        { model: 'models/text-embedding-004', content: { parts: [{ text: 'a' }] } },
        { model: 'models/text-embedding-004', content: { parts: [{ text: 'b' }] } },
      ],
    });
    expect(batch.data.map((item) => item.embedding)).toEqual(['AACAPw==', 'AAAAPw==']);
    await expect(
      adapter.embed!({ ...call(), model: 'text-embedding-004', request: { model: 'e', input: [1, 2, 3] } }),
    ).rejects.toMatchObject({ kind: 'bad-request', param: 'input' });
  });
});
