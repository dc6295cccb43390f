import { afterEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestResponse } from '../../../test/support/create-test-server.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import { createGeminiAdapter } from './create-gemini-adapter.js';

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

describe('Gemini adapter, errors (PROVIDERS.md §6.5)', () => {
  const failWith = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
    await serve('/v1beta/models/gemini-2.5-flash:generateContent', {
      status,
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    try {
      await adapter.chat(callFor({}, 'gemini-2.5-flash'));
    } catch (error) {
      expect(error).toBeInstanceOf(ProviderError);
      return error as ProviderError;
    }
    throw new Error('expected a ProviderError');
  };
  const rpc = (code: number, status: string, message: string, details: unknown[] = []) => ({
    error: { code, message, status, details },
  });

  it('maps the fixtures: API_KEY_INVALID is auth, RESOURCE_EXHAUSTED is rate-limited with RetryInfo', async () => {
    const invalid = await failWith(400, readFixture('gemini/error-400-api-key-invalid.json'));
    expect(invalid).toMatchObject({ kind: 'auth', status: 400, code: 'API_KEY_INVALID', retryable: false });
    expect(invalid.message).toBe('API key not valid. Please pass a valid API key.');
    const limited = await failWith(429, readFixture('gemini/error-429-resource-exhausted.json'));
    expect(limited).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
      retryAfterMs: 34_400,
      code: 'RESOURCE_EXHAUSTED',
    });
  });

  it('maps a per-day quota to quota, and the other statuses by the table', async () => {
    const perDay = rpc(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
      },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3s' },
    ]);
    expect(await failWith(429, perDay)).toMatchObject({
      kind: 'quota',
      retryable: false,
      retryAfterMs: undefined,
    });
    expect(await failWith(403, rpc(403, 'PERMISSION_DENIED', 'Permission denied.'))).toMatchObject({
      kind: 'auth',
    });
    expect(await failWith(404, rpc(404, 'NOT_FOUND', 'models/x is not found'))).toMatchObject({
      kind: 'not-found',
    });
    expect(await failWith(500, rpc(500, 'INTERNAL', 'An internal error has occurred.'))).toMatchObject({
      kind: 'server',
      retryable: true,
    });
    expect(await failWith(503, rpc(503, 'UNAVAILABLE', 'The model is overloaded.'))).toMatchObject({
      kind: 'overloaded',
      retryable: true,
    });
    expect(await failWith(504, rpc(504, 'DEADLINE_EXCEEDED', 'Deadline expired.'))).toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
    expect(
      await failWith(
        400,
        rpc(
          400,
          'INVALID_ARGUMENT',
          'The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).',
        ),
      ),
    ).toMatchObject({ kind: 'context-length' });
    const badRequest = await failWith(
      400,
      rpc(400, 'INVALID_ARGUMENT', 'Invalid value at generation_config.temperature', [
        {
          '@type': 'type.googleapis.com/google.rpc.BadRequest',
          fieldViolations: [{ field: 'generation_config.temperature', description: 'bad' }],
        },
      ]),
    );
    expect(badRequest).toMatchObject({
      kind: 'bad-request',
      retryable: false,
      param: 'generation_config.temperature',
      code: 'INVALID_ARGUMENT',
    });
    expect(await failWith(502, '<html>Bad Gateway</html>')).toMatchObject({
      kind: 'server',
      message: '<html>Bad Gateway</html>',
    });
  });

  it('never repeats the key, and reports a refused connection as a network error', async () => {
    const echoed = await failWith(400, rpc(400, 'INVALID_ARGUMENT', 'Bad key AIza-test-key-123 given'));
    expect(echoed.message).toBe('Bad key [redacted] given');
    const refused = adapter.chat({ ...callFor({}, 'gemini-2.5-flash'), baseUrl: 'http://127.0.0.1:9' });
    await expect(refused).rejects.toMatchObject({ kind: 'network', retryable: true });
  });
});
