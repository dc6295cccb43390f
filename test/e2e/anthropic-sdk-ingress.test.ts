import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** The `@anthropic-ai/sdk` (what Claude Code and Anthropic-format apps run) calling non-Anthropic models. */
let simulator: Simulator;
let running: RunningGateway;
let client: Anthropic;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 11, timeScale: 0.05 });
  running = await startGateway({
    GROQ_API_KEY: 'sim-groq',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    OPENAI_API_KEY: 'sim-openai',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
  });
  client = new Anthropic({ baseURL: running.url, apiKey: 'caller-key', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const weatherTool = {
  name: 'get_weather',
  description: 'Weather in a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('POST /v1/messages with the @anthropic-ai/sdk, translated to an OpenAI-family provider', () => {
  it('answers a message with Anthropic usage and stop reason', async () => {
    const message = await client.messages.create({
      model: 'groq/sim-fast',
      max_tokens: 200,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Tell me about tides' }],
    });
    expect(message.type).toBe('message');
    expect(message.content[0]!.type).toBe('text');
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    const sent = simulator.requests.at(-1)!.body as { messages: Array<{ role: string; content: string }> };
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
  });

  it('streams the full event sequence', async () => {
    const stream = client.messages.stream({
      model: 'groq/sim-fast',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Tell me about tides' }],
    });
    const events: string[] = [];
    stream.on('streamEvent', (event) => events.push(event.type));
    const message = await stream.finalMessage();
    expect(events[0]).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(events).toContain('content_block_delta');
    expect(events.at(-2)).toBe('message_delta');
    expect((message.content[0] as { text: string }).text.length).toBeGreaterThan(10);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it('completes a tool-use round trip, streamed and not', async () => {
    const first = await client.messages.create({
      model: 'openai/sim-fast',
      max_tokens: 200,
      tools: [weatherTool],
      tool_choice: { type: 'any' },
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    });
    expect(first.stop_reason).toBe('tool_use');
    const toolUse = first.content.find((block) => block.type === 'tool_use')!;
    expect(toolUse.type === 'tool_use' && typeof (toolUse.input as { city: unknown }).city).toBe('string');

    const streamed = await client.messages
      .stream({
        model: 'openai/sim-fast',
        max_tokens: 200,
        tools: [weatherTool],
        tool_choice: { type: 'tool', name: 'get_weather' },
        messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      })
      .finalMessage();
    const streamedUse = streamed.content.find((block) => block.type === 'tool_use')!;
    expect(streamedUse.type === 'tool_use' && streamedUse.name).toBe('get_weather');
    expect(streamedUse.type === 'tool_use' && (streamedUse.input as { city?: string }).city).toBeTruthy();

    const answer = await client.messages.create({
      model: 'openai/sim-fast',
      max_tokens: 200,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Oslo?' },
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: toolUse.type === 'tool_use' ? toolUse.id : '',
              content: 'Sunny, 18 C',
            },
          ],
        },
      ],
    });
    expect(answer.stop_reason).toBe('end_turn');
    const sent = simulator.requests.at(-1)!.body as { messages: Array<Record<string, unknown>> };
    expect(sent.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect(sent.messages[2]).toMatchObject({
      tool_call_id: toolUse.type === 'tool_use' ? toolUse.id : '',
      content: 'Sunny, 18 C',
    });
  });

  it('counts tokens locally for non-Anthropic models', async () => {
    const counted = await client.messages.countTokens({
      model: 'groq/sim-fast',
      messages: [{ role: 'user', content: 'Hello there, how are you?' }],
    });
    expect(counted.input_tokens).toBeGreaterThan(5);
    expect(counted.input_tokens).toBeLessThan(20);
  });

  it('answers errors in Anthropic format the SDK understands', async () => {
    const missing = await client.messages
      .create({ model: 'groq/sim-fast', messages: [{ role: 'user', content: 'hi' }] } as never)
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Anthropic.BadRequestError);
    expect((missing as Error).message).toContain('max_tokens: Field required');
    const unknown = await client.messages
      .create({ model: 'nope', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    const limited = await client.messages
      .create({ model: 'groq/sim-429', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
    expect((limited as InstanceType<typeof Anthropic.APIError>).headers?.get('retry-after')).toBe('1');
    const overloaded = (await client.messages
      .create({ model: 'groq/sim-down', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error)) as InstanceType<typeof Anthropic.APIError>;
    expect(overloaded.status).toBe(529);
    expect((overloaded.error as { error: { type: string } }).error.type).toBe('overloaded_error');
    const malformed = await fetch(`${running.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(await malformed.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });

  it('ends a stream that fails after content with an error event', async () => {
    const stream = client.messages.stream({
      model: 'groq/sim-cut',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Tell me a long story' }],
    });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const failure = await stream.finalMessage().catch((error: unknown) => error);
    expect(text.length).toBeGreaterThan(0);
    expect(failure).toBeInstanceOf(Error);
  });

  it('refuses server tools for non-Anthropic models with a clear 400', async () => {
    const failure = await client.messages
      .create({
        model: 'groq/sim-fast',
        max_tokens: 10,
        tools: [{ type: 'web_search_20250305', name: 'web_search' }],
        messages: [{ role: 'user', content: 'hi' }],
      } as never)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.BadRequestError);
    expect((failure as Error).message).toContain('only available on Anthropic models');
  });
});
