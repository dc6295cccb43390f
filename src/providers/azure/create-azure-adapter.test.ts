import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import {
  createTestServer,
  sseResponse,
  type TestResponse,
} from '../../../test/support/create-test-server.js';
import { readChunksAsSSE, readFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import { createAzureAdapter } from './create-azure-adapter.js';

const request: ChatRequest = {
  model: 'azure/my-deployment',
  messages: [{ role: 'user', content: 'What is the capital of Denmark?' }],
  temperature: 0.2,
};

const deploymentPath = '/openai/deployments/my-deployment/chat/completions';
const apiKey = 'azure-test-key-0123456789';

let server: Awaited<ReturnType<typeof createTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(routes: Record<string, TestResponse>, apiVersion?: string) {
  server = await createTestServer(routes);
  const adapter = createAzureAdapter({ provider: 'azure', apiVersion });
  const call = {
    request,
    model: 'my-deployment',
    credential: { id: 'azure#1', apiKey },
    baseUrl: `${server.url}/`,
    signal: new AbortController().signal,
  };
  return { adapter, call, server };
}

/** A `.http` fixture (status line, headers, blank line, body) as a test-server answer. */
function readHttpFixture(path: string): TestResponse {
  const [head = '', body = ''] = readFixture(path).split(/\r?\n\r?\n/, 2);
  const [statusLine = '', ...headerLines] = head.split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    // The recorded length was of the original bytes; the server recomputes it.
    if (name !== 'content-length') headers[name] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

const streamFixture = 'azure-openai/stream-chat-content-filter-results.chunks.jsonl';

describe('Azure adapter, requests', () => {
  it('calls the deployment URL with api-version and the api-key header, never Bearer', async () => {
    const { adapter, call } = await setUp({
      [deploymentPath]: sseResponse(readChunksAsSSE(streamFixture)),
    });
    await collect(await adapter.chatStream(call));
    const sent = server!.calls[0]!;
    expect(sent.url).toBe(`${deploymentPath}?api-version=2024-10-21`);
    expect(sent.headers['api-key']).toBe(apiKey);
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.bodyJSON).toEqual({
      ...request,
      model: 'my-deployment',
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('uses the GA /openai/v1 path with the deployment as model, and accepts a base ending in /openai', async () => {
    const { adapter, call } = await setUp(
      {
        '/openai/v1/chat/completions': {
          body: readFixture('azure-openai/nonstream-chat-foundry-deepseek.json'),
        },
      },
      'v1',
    );
    await adapter.chat({ ...call, baseUrl: `${server!.url}/openai` });
    expect(server!.calls[0]!.url).toBe('/openai/v1/chat/completions');
    expect(server!.calls[0]!.bodyJSON).toMatchObject({ model: 'my-deployment' });
  });

  it('embeds through the deployment URL', async () => {
    const embeddings = {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 4, total_tokens: 4 },
    };
    const { adapter, call } = await setUp({
      '/openai/deployments/my-embedder/embeddings': { body: JSON.stringify(embeddings) },
    });
    const result = await adapter.embed!({
      ...call,
      model: 'my-embedder',
      request: { model: 'azure/my-embedder', input: 'hello' },
    });
    expect(server!.calls[0]!.url).toBe('/openai/deployments/my-embedder/embeddings?api-version=2024-10-21');
    expect(server!.calls[0]!.headers['api-key']).toBe(apiKey);
    expect(server!.calls[0]!.bodyJSON).toEqual({ model: 'my-embedder', input: 'hello' });
    expect(result).toEqual(embeddings);
    expect(adapter.listModels).toBeUndefined();
  });
});

describe('Azure adapter, responses', () => {
  it('skips the prompt-filter chunk with empty id and model, and takes metadata from the next one', async () => {
    const { adapter, call } = await setUp({ [deploymentPath]: sseResponse(readChunksAsSSE(streamFixture)) });
    const parts = await collect(await adapter.chatStream(call));
    expect(parts).toEqual([
      {
        type: 'response-metadata',
        id: 'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt',
        model: 'gpt-5-nano-2025-08-07',
        created: 1762317021,
        systemFingerprint: null,
      },
      { type: 'text-delta', choiceIndex: 0, text: 'Capital' },
      { type: 'text-delta', choiceIndex: 0, text: ' of' },
      { type: 'text-delta', choiceIndex: 0, text: ' Denmark' },
      { type: 'text-delta', choiceIndex: 0, text: '.' },
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      {
        type: 'usage',
        usage: {
          prompt_tokens: 15,
          completion_tokens: 78,
          total_tokens: 93,
          prompt_tokens_details: { cached_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 64 },
        },
      },
    ]);
  });

  it('finishes with content_filter when Azure filters the output', async () => {
    const filtered = readChunksAsSSE(streamFixture).replace(
      '"finish_reason":"stop"',
      '"finish_reason":"content_filter"',
    );
    const { adapter, call } = await setUp({ [deploymentPath]: sseResponse(filtered) });
    const parts = await collect(await adapter.chatStream(call));
    expect(parts.find((part) => part.type === 'finish')).toEqual({
      type: 'finish',
      choiceIndex: 0,
      finishReason: 'content_filter',
    });
  });

  it('reads a Foundry model that omits fields, keeping the filter results as extras', async () => {
    const { adapter, call } = await setUp(
      {
        '/openai/v1/chat/completions': {
          body: readFixture('azure-openai/nonstream-chat-foundry-deepseek.json'),
        },
      },
      'v1',
    );
    const response = await adapter.chat(call);
    expect(response).toMatchObject({
      id: 'd1d4c43a0e854cbc9a14f9099a8afb81',
      object: 'chat.completion',
      created: 1781043274,
      model: 'deepseek-v4-pro',
      prompt_filter_results: null,
      usage: { prompt_tokens: 19, completion_tokens: 1969, total_tokens: 1988, audio_prompt_tokens: 0 },
    });
    expect(response).not.toHaveProperty('system_fingerprint');
    const choice = response.choices[0]!;
    expect(choice).toMatchObject({ finish_reason: 'stop', content_filter_results: {}, logprobs: null });
    expect(choice.message.content).toMatch(/^Absolutely! Based on the most recent Knicks game/);
    expect(choice.message.reasoning_content).toMatch(/^We need to invent a new holiday/);
    expect(choice.message.refusal).toBeNull();
  });
});

describe('Azure adapter, errors', () => {
  const failWith = async (answer: TestResponse, isStream = false) => {
    const { adapter, call } = await setUp({ [deploymentPath]: answer });
    const error = await (isStream ? adapter.chatStream(call) : adapter.chat(call)).catch(
      (caught: unknown) => caught,
    );
    await server?.close();
    server = undefined;
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as Error).message).not.toContain(apiKey);
    return error as ProviderError;
  };
  const json = (status: number, body: string): TestResponse => ({
    status,
    headers: { 'content-type': 'application/json' },
    body,
  });

  it('maps the content filter 400 to content-filter, not retryable', async () => {
    const error = await failWith(json(400, readFixture('azure-openai/error-400-content-filter.json')));
    expect(error).toMatchObject({
      kind: 'content-filter',
      status: 400,
      code: 'content_filter',
      retryable: false,
    });
  });

  it('reads both 429 fixtures: the string code and the wait in the message', async () => {
    const daily = await failWith(json(429, readFixture('azure-openai/error-429-token-rate-limit.json')));
    expect(daily).toMatchObject({
      kind: 'rate-limited',
      code: '429',
      retryable: true,
      retryAfterMs: 86_400_000,
    });
    const withHeaders = await failWith(
      readHttpFixture('azure-openai/error-429-rate-limit-with-headers.http'),
      true,
    );
    expect(withHeaders).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      code: '429',
      retryAfterMs: 2000,
      message: 'Rate limit is exceeded. Try again in 2 seconds.',
    });
    const withRetryAfter = await failWith({
      ...json(429, readFixture('azure-openai/error-429-token-rate-limit.json')),
      headers: { 'content-type': 'application/json', 'retry-after-ms': '1500' },
    });
    expect(withRetryAfter.retryAfterMs).toBe(1500);
  });

  it('names the deployment on DeploymentNotFound, and what to check on a bare 404', async () => {
    const missing = await failWith(
      json(
        404,
        '{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again."}}',
      ),
    );
    expect(missing).toMatchObject({ kind: 'not-found', code: 'DeploymentNotFound', retryable: false });
    expect(missing.message).toContain('no deployment named "my-deployment"');
    expect(missing.message).toContain('The API deployment for this resource does not exist.');
    const resource = await failWith(json(404, '{"error":{"code":"404","message": "Resource not found"}}'));
    expect(resource.kind).toBe('not-found');
    expect(resource.message).toContain('api-version "2024-10-21"');
  });

  it('maps 401 to auth, a 403 quota message to quota, and 5xx to retryable kinds', async () => {
    expect(
      await failWith(
        json(
          401,
          '{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}',
        ),
      ),
    ).toMatchObject({ kind: 'auth', retryable: false });
    expect(
      await failWith(
        json(
          403,
          '{"error":{"code":"403","message":"Out of call volume quota for OpenAI API. Quota will be replenished in 1 day."}}',
        ),
      ),
    ).toMatchObject({ kind: 'quota', retryable: false });
    expect(
      await failWith(
        json(
          500,
          '{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error"}}',
        ),
      ),
    ).toMatchObject({ kind: 'server', retryable: true });
    expect(
      await failWith(json(503, '{"error":{"code":"503","message":"Service Unavailable"}}')),
    ).toMatchObject({
      kind: 'overloaded',
      retryable: true,
    });
  });
});
