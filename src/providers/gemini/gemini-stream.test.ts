import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../../../test/support/collect.js';
import {
  createTestServer,
  sseResponse,
  type TestResponse,
} from '../../../test/support/create-test-server.js';
import { readFixture, readJSONFixture } from '../../../test/support/fixtures.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import { createGeminiAdapter } from './create-gemini-adapter.js';

interface Recording {
  interactions: Array<{
    request: { url: string; bodySegments: Array<Record<string, unknown>> };
    response: { statusCode: number; headers: Record<string, string>; bodySegments: unknown[] };
  }>;
}

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
const chunksAsSSE = (path: string): string =>
  readFixture(path)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `data: ${line}\n\n`)
    .join('');
const recordingAsSSE = (segments: unknown[]): string =>
  segments.map((segment) => `data: ${JSON.stringify(segment)}\r\n\r\n`).join('');
const textOf = (parts: ChatStreamPart[]): string =>
  parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');

describe('Gemini adapter, streamed', () => {
  it('sends the recorded system-instruction request and streams its answer (recording-stream-system-instruction.json)', async () => {
    const recording = readJSONFixture<Recording>('gemini/recording-stream-system-instruction.json');
    const interaction = recording.interactions[0]!;
    await serve(
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent',
      sseResponse(recordingAsSSE(interaction.response.bodySegments)),
    );
    const parts = await collect(
      await adapter.chatStream(
        callFor(
          {
            messages: [
              { role: 'system', content: 'I say high you say low, and then tell me why is the sky blue.' },
              { role: 'user', content: 'high' },
            ],
            n: 1,
            stream: true,
          },
          'gemini-2.5-flash',
        ),
      ),
    );
    const sent = server!.calls[0]!;
    expect(sent.url).toBe(interaction.request.url);
    expect(sent.headers.accept).toBe('text/event-stream');
    expect(sent.bodyJSON).toEqual(interaction.request.bodySegments[0]);
    expect(parts[0]).toEqual({
      type: 'response-metadata',
      id: 'tS77aIl-4ZvV7w_A9rTBBg',
      model: 'gemini-2.5-flash',
    });
    expect(textOf(parts)).toMatch(/^low!\n\nThe sky is blue.*rather than violet\.$/s);
    expect(parts.slice(-2)).toEqual([
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      // The last cumulative usageMetadata: 20 prompt, 253 candidates + 260 thoughts.
      {
        type: 'usage',
        usage: {
          prompt_tokens: 20,
          completion_tokens: 513,
          total_tokens: 533,
          completion_tokens_details: { reasoning_tokens: 260 },
        },
      },
    ]);
  });

  it('replays the recorded two-turn function calling (recording-stream-function-calling.json)', async () => {
    const recording = readJSONFixture<Recording>('gemini/recording-stream-function-calling.json');
    const [first, second] = recording.interactions;
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'customDivide',
          description: 'Custom divide function',
          parameters: {
            type: 'object',
            properties: { denominator: { type: 'number' }, numerator: { type: 'number' } },
          },
        },
      },
    ];
    const path = '/v1beta/models/gemini-2.0-flash:streamGenerateContent';
    await serve(path, sseResponse(recordingAsSSE(first!.response.bodySegments)));
    const question = { role: 'user' as const, content: 'what is the result of 100/2' };
    const firstParts = await collect(
      await adapter.chatStream(callFor({ messages: [question], tools }, 'gemini-2.0-flash')),
    );
    const call = firstParts.find((part) => part.type === 'tool-call-delta');
    expect(call).toEqual({
      type: 'tool-call-delta',
      choiceIndex: 0,
      toolCallIndex: 0,
      id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/),
      name: 'customDivide',
      argumentsDelta: '{"denominator":2,"numerator":100}',
    });
    expect(firstParts.find((part) => part.type === 'finish')).toMatchObject({ finishReason: 'tool_calls' });
    const firstBody = server!.calls[0]!.bodyJSON as Record<string, unknown>;
    const recorded = first!.request.bodySegments[0]!;
    expect(firstBody.contents).toEqual(recorded.contents);
    expect(firstBody.generationConfig).toEqual(recorded.generationConfig);
    // The recording declares `parameters` in the OpenAPI subset; Arbiter sends plain JSON Schema.
    expect(firstBody.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'customDivide',
            description: 'Custom divide function',
            parametersJsonSchema: tools[0]!.function.parameters,
          },
        ],
      },
    ]);

    await serve(path, sseResponse(recordingAsSSE(second!.response.bodySegments)));
    const assistant = {
      role: 'assistant' as const,
      content: null,
      tool_calls: [
        {
          id: call!.type === 'tool-call-delta' ? call!.id! : '',
          type: 'function' as const,
          function: {
            name: 'customDivide',
            arguments: call!.type === 'tool-call-delta' ? call!.argumentsDelta : '',
          },
        },
      ],
    };
    await collect(
      await adapter.chatStream(
        callFor(
          {
            messages: [question, assistant, { role: 'user', content: 'what is the result of 50/2?' }],
            tools,
          },
          'gemini-2.0-flash',
        ),
      ),
    );
    expect((server!.calls[0]!.bodyJSON as Record<string, unknown>).contents).toEqual(
      second!.request.bodySegments[0]!.contents,
    );
  });

  it('reads vercel/ai chunk captures: text with a trailing signature chunk, and a whole tool call', async () => {
    const path = '/v1beta/models/gemini-3-pro-preview:streamGenerateContent';
    await serve(path, sseResponse(chunksAsSSE('gemini/stream-text.chunks.jsonl')));
    const text = await collect(await adapter.chatStream(callFor({}, 'gemini-3-pro-preview')));
    expect(textOf(text)).toBe('There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y');
    expect(text.filter((part) => part.type === 'text-delta')).toHaveLength(2);
    expect(text.at(-1)).toEqual({
      type: 'usage',
      usage: {
        prompt_tokens: 9,
        completion_tokens: 208,
        total_tokens: 217,
        completion_tokens_details: { reasoning_tokens: 185 },
      },
    });

    await serve(path, sseResponse(chunksAsSSE('gemini/stream-tool-call.chunks.jsonl')));
    const tool = await collect(await adapter.chatStream(callFor({}, 'gemini-3-pro-preview')));
    expect(tool.filter((part) => part.type !== 'response-metadata' && part.type !== 'usage')).toEqual([
      {
        type: 'tool-call-delta',
        choiceIndex: 0,
        toolCallIndex: 0,
        id: expect.stringMatching(/_ts_/),
        name: 'weather',
        argumentsDelta: '{"location":"San Francisco"}',
      },
      { type: 'finish', choiceIndex: 0, finishReason: 'tool_calls' },
    ]);
  });

  it('reads the raw SSE capture and ends a block after text with content_filter', async () => {
    const path = '/v1beta/models/gemini-2.0-flash:streamGenerateContent';
    await serve(path, sseResponse(readFixture('gemini/stream-text-basic.sse')));
    const basic = await collect(await adapter.chatStream(callFor({}, 'gemini-2.0-flash')));
    expect(textOf(basic)).toBe('The capital of Wyoming is **Cheyenne**.\n');
    expect(basic.slice(-2)).toEqual([
      { type: 'finish', choiceIndex: 0, finishReason: 'stop' },
      { type: 'usage', usage: { prompt_tokens: 7, completion_tokens: 10, total_tokens: 17 } },
    ]);

    await serve(path, sseResponse(readFixture('gemini/stream-prompt-blocked-safety.sse')));
    const blocked = await collect(await adapter.chatStream(callFor({}, 'gemini-2.0-flash')));
    expect(textOf(blocked)).toBe('text1text2text3');
    expect(blocked.slice(-2)).toEqual([
      { type: 'finish', choiceIndex: 0, finishReason: 'content_filter' },
      { type: 'usage', usage: { prompt_tokens: 7, completion_tokens: 0, total_tokens: 7 } },
    ]);

    const blockOnly = readFixture('gemini/stream-prompt-blocked-safety.sse')
      .split('\n')
      .find((line) => line.includes('promptFeedback'))!;
    await serve(path, sseResponse(`${blockOnly}\n\n`));
    const refused = await collect(await adapter.chatStream(callFor({}, 'gemini-2.0-flash')));
    expect(refused).toEqual([
      { type: 'error', error: expect.objectContaining({ kind: 'content-filter', code: 'SAFETY' }) },
    ]);
  });

  it('ends cleanly on close after a finishReason, with an error part on a cut or a mid-stream error', async () => {
    const path = '/v1beta/models/gemini-2.0-flash:streamGenerateContent';
    const events = readFixture('gemini/stream-text-basic.sse').split('\n\n');
    await serve(path, sseResponse(events.slice(0, 2).join('\n\n') + '\n\n', { shouldDestroy: true }));
    const cut = await collect(await adapter.chatStream(callFor({}, 'gemini-2.0-flash')));
    expect(textOf(cut)).toBe('The capital of Wyoming');
    expect(cut.at(-1)).toMatchObject({ type: 'error', error: { kind: 'network', retryable: true } });

    await serve(path, sseResponse(events.slice(0, 2).join('\n\n') + '\n\n'));
    const closed = await collect(await adapter.chatStream(callFor({}, 'gemini-2.0-flash')));
    expect(closed.at(-1)).toMatchObject({ type: 'error', error: { kind: 'network' } });

    const midstream = `${events[0]}\n\ndata: {"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}\n\n`;
    await serve(path, sseResponse(midstream));
    const failed = await collect(await adapter.chatStream(callFor({}, 'gemini-2.0-flash')));
    expect(failed.at(-1)).toMatchObject({
      type: 'error',
      error: { kind: 'overloaded', status: 503, code: 'UNAVAILABLE' },
    });
  });

  it('rejects before the stream on a plain JSON error body, with an error status or with 200', async () => {
    const recording = readJSONFixture<Recording>('gemini/recording-stream-error-404.json');
    const interaction = recording.interactions[0]!;
    const body = JSON.stringify(interaction.response.bodySegments[0]);
    const path = '/v1beta/models/custom-gemini-2.0-flash:streamGenerateContent';
    await serve(path, { status: 404, headers: { 'content-type': 'text/event-stream' }, body });
    const call = callFor(
      { messages: [{ role: 'user', content: 'why is the sky blue?' }] },
      'custom-gemini-2.0-flash',
    );
    await expect(adapter.chatStream(call)).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
      message: expect.stringContaining('is not found for API version v1beta'),
    });
    expect(server!.calls[0]!.url).toBe(interaction.request.url);
    expect(server!.calls[0]!.bodyJSON).toEqual(interaction.request.bodySegments[0]);

    await serve(path, { status: 200, headers: { 'content-type': 'text/event-stream' }, body: `\n${body}` });
    await expect(adapter.chatStream({ ...call, baseUrl: server!.url })).rejects.toMatchObject({
      kind: 'not-found',
    });

    // A JSON answer without SSE framing (the array the endpoint sends without alt=sse) still streams.
    await serve(
      path,
      json([{ candidates: [{ content: { parts: [{ text: 'Blue.' }] }, finishReason: 'STOP' }] }]),
    );
    const parts = await collect(await adapter.chatStream({ ...call, baseUrl: server!.url }));
    expect(textOf(parts)).toBe('Blue.');
  });
});
