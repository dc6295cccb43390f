import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;
let client: Anthropic;

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.02 });
  client = new Anthropic({ baseURL: simulator.url, apiKey: 'sk-ant-sdk-test', maxRetries: 0 });
});
afterAll(() => simulator.close());

const messages: Anthropic.MessageParam[] = [
  { role: 'user', content: 'How does a lighthouse keep ships away from the rocks?' },
];
const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'Current weather in a city',
  input_schema: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
    required: ['city', 'unit'],
  },
};

async function failureOf(promise: Promise<unknown>): Promise<InstanceType<typeof Anthropic.APIError>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Anthropic.APIError);
  return error as InstanceType<typeof Anthropic.APIError>;
}

describe('the official Anthropic SDK as client', () => {
  it('create: a Message with text about the prompt and consistent usage', async () => {
    const { data: message, response } = await client.messages
      .create({ model: 'claude-opus-4-8', max_tokens: 300, messages })
      .withResponse();
    expect(message.id).toMatch(/^msg_01/);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/lighthouse/i) });
    expect(message.usage.input_tokens).toBeGreaterThan(5);
    expect(message.usage.output_tokens).toBeGreaterThan(20);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
  });

  it('stream: finalMessage() assembles the same text the events carried', async () => {
    const stream = client.messages.stream({ model: 'sim-fast', max_tokens: 300, messages });
    let streamed = '';
    stream.on('text', (delta) => (streamed += delta));
    const final = await stream.finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: streamed }]);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBeGreaterThan(20);
  });

  it('stream with thinking: a thinking block with its signature, then the text', async () => {
    const final = await client.messages
      .stream({
        model: 'sim-fast',
        max_tokens: 3000,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages,
      })
      .finalMessage();
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    const nonStream = await client.messages.create({
      model: 'sim-fast',
      max_tokens: 3000,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages,
    });
    expect(nonStream.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(final.content[0]).toMatchObject({
      thinking: expect.stringMatching(/^The user is asking about/),
      signature: expect.any(String),
    });
  });

  it('tool use round trip: tool_use with schema-valid input, then an answer that uses the tool_result', async () => {
    const first = await client.messages.create({
      model: 'sim-tools',
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Weather in Paris, in celsius?' }],
      tools: [weatherTool],
    });
    expect(first.stop_reason).toBe('tool_use');
    const call = first.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use')!;
    expect(call).toMatchObject({
      name: 'get_weather',
      input: { city: 'Paris', unit: expect.stringMatching(/^[cf]$/) },
    });
    const streamedCall = await client.messages
      .stream({
        model: 'sim-fast',
        max_tokens: 300,
        messages,
        tools: [weatherTool],
        tool_choice: { type: 'tool', name: 'get_weather' },
      })
      .finalMessage();
    expect(streamedCall.content[0]).toMatchObject({
      type: 'tool_use',
      name: 'get_weather',
      input: { city: expect.any(String) },
    });
    const second = await client.messages.create({
      model: 'sim-tools',
      max_tokens: 300,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Paris, in celsius?' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: '{"temp":21}' }] },
      ],
    });
    expect(second.stop_reason).toBe('end_turn');
    expect(second.content[0]).toMatchObject({
      type: 'text',
      text: expect.stringContaining('According to get_weather'),
    });
  });

  it('countTokens and models.list', async () => {
    const counted = await client.messages.countTokens({ model: 'sim-fast', messages });
    const message = await client.messages.create({ model: 'sim-fast', max_tokens: 5, messages });
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
    expect(message.stop_reason).toBe('max_tokens');
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 3 })) ids.push(model.id);
    expect(ids).toContain('sim-fast');
    expect(ids).toContain('sim-overloaded-midstream');
  });

  it('stop_sequences: stop_reason stop_sequence with the matched string', async () => {
    const full = await client.messages.create({ model: 'sim-fast', max_tokens: 300, messages });
    const text = (full.content[0] as Anthropic.TextBlock).text;
    const stop = text.split(' ').slice(3, 5).join(' ');
    const stopped = await client.messages.create({
      model: 'sim-fast',
      max_tokens: 300,
      messages,
      stop_sequences: [stop],
    });
    expect(stopped).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: stop });
    expect((stopped.content[0] as Anthropic.TextBlock).text).toBe(text.slice(0, text.indexOf(stop)));
  });
});

describe('failures through the SDK', () => {
  it('sim-429 → RateLimitError with retry-after and anthropic-ratelimit headers', async () => {
    const error = await failureOf(client.messages.create({ model: 'sim-429', max_tokens: 10, messages }));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('1');
    expect(error.headers?.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(error.requestID).toMatch(/^req_011C/);
  });

  it('sim-down → 529 InternalServerError (OverloadedError), invalid key → AuthenticationError', async () => {
    const overloaded = await failureOf(
      client.messages.create({ model: 'sim-down', max_tokens: 10, messages }),
    );
    expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError);
    expect(overloaded.status).toBe(529);
    expect(overloaded.type).toBe('overloaded_error');
    const invalid = new Anthropic({ baseURL: simulator.url, apiKey: 'sk-ant-invalid-key', maxRetries: 0 });
    const auth = await failureOf(invalid.messages.create({ model: 'sim-fast', max_tokens: 10, messages }));
    expect(auth).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(auth.message).not.toContain('sk-ant-invalid-key');
  });

  it('sim-flaky fails with 500 api_error in a sequence fixed by the seed', async () => {
    const flaky = await createSimulator({ seed: 11, timeScale: 0 });
    const flakyClient = new Anthropic({ baseURL: flaky.url, apiKey: 'sk-ant-flaky', maxRetries: 0 });
    const statuses: number[] = [];
    for (let index = 0; index < 60; index++) {
      statuses.push(
        await flakyClient.messages.create({ model: 'sim-flaky', max_tokens: 5, messages }).then(
          () => 200,
          (error: InstanceType<typeof Anthropic.APIError>) => error.status ?? 0,
        ),
      );
    }
    await flaky.close();
    expect(new Set(statuses)).toEqual(new Set([200, 500]));
    expect(statuses.filter((status) => status === 500).length).toBeGreaterThan(8);
  });

  it('sim-overloaded-midstream and sim-cut: the stream fails after a few deltas', async () => {
    let text = '';
    const overloaded = client.messages.stream({
      model: 'sim-overloaded-midstream',
      max_tokens: 300,
      messages,
    });
    overloaded.on('text', (delta) => (text += delta));
    const midstream = await failureOf(overloaded.finalMessage());
    expect(midstream.type).toBe('overloaded_error');
    expect(text.length).toBeGreaterThan(0);
    const cut = client.messages.stream({ model: 'sim-cut', max_tokens: 300, messages });
    await expect(cut.finalMessage()).rejects.toThrow();
    const cutBody = client.messages.create({ model: 'sim-cut', max_tokens: 300, messages });
    // The headers arrived; the body broke while the SDK read it (fetch's "terminated").
    await expect(cutBody).rejects.toThrow('terminated');
  });

  it('sim-slow: headers at once, the first token only after the scaled TTFT', async () => {
    const timed = await createSimulator({ timeScale: 0.05 });
    const startedAt = performance.now();
    const response = await fetch(`${timed.url}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': 'sk-ant-timing',
        'anthropic-version': '2023-06-01',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ model: 'sim-slow', max_tokens: 50, stream: true, messages }),
    });
    const headersAfter = performance.now() - startedAt;
    let firstTokenAfter: number | undefined;
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      if (decoder.decode(chunk, { stream: true }).includes('text_delta')) {
        firstTokenAfter ??= performance.now() - startedAt;
      }
    }
    await timed.close();
    // sim-slow: 200 ms to headers and 1300 ms more to the first token, ±10 %, × 0.05.
    expect(headersAfter).toBeGreaterThanOrEqual(8);
    expect(firstTokenAfter! - headersAfter).toBeGreaterThanOrEqual(30);
    expect(firstTokenAfter).toBeLessThan(1000);
  });

  it('sim-hang never answers until the client aborts', async () => {
    const controller = new AbortController();
    const pending = client.messages.create(
      { model: 'sim-hang', max_tokens: 10, messages },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toThrow(Anthropic.APIUserAbortError);
  });
});
