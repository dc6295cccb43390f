import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** The @anthropic-ai/sdk reaching every family, and Anthropic itself without a lossy round trip. */
let simulator: Simulator;
let running: RunningGateway;
let client: Anthropic;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 31, timeScale: 0.02 });
  running = await startGateway({
    OPENAI_API_KEY: 'sim-openai',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    ANTHROPIC_API_KEY: 'sim-anthropic',
    ANTHROPIC_BASE_URL: simulator.url,
    GEMINI_API_KEY: 'sim-gemini',
    GEMINI_BASE_URL: simulator.url,
    OLLAMA_BASE_URL: simulator.url,
  });
  client = new Anthropic({ baseURL: running.url, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

describe.each(['openai', 'gemini', 'ollama', 'anthropic'])('@anthropic-ai/sdk → %s', (family) => {
  it('answers and streams text with usage', async () => {
    const message = await client.messages.create({
      model: `${family}/sim-fast`,
      max_tokens: 300,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Describe a harbour' }],
    });
    expect((message.content[0] as Anthropic.TextBlock).text.length).toBeGreaterThan(10);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(0);

    const stream = client.messages.stream({
      model: `${family}/sim-fast`,
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Describe a harbour' }],
    });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const final = await stream.finalMessage();
    expect(text.length).toBeGreaterThan(10);
    expect((final.content[0] as Anthropic.TextBlock).text).toBe(text);
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });
});

describe('Anthropic pass-through fidelity', () => {
  it('keeps cache_control, thinking, beta headers and unknown fields exactly as the caller wrote them', async () => {
    const body = {
      model: 'anthropic/claude-sonnet-4-5',
      max_tokens: 2000,
      system: [
        {
          type: 'text' as const,
          text: 'A long, cacheable system prompt.',
          cache_control: { type: 'ephemeral' as const },
        },
      ],
      thinking: { type: 'enabled' as const, budget_tokens: 1024 },
      messages: [
        {
          role: 'user' as const,
          content: [
            {
              type: 'text' as const,
              text: 'Think, then answer.',
              cache_control: { type: 'ephemeral' as const, ttl: '1h' as const },
            },
          ],
        },
      ],
      future_field: { kept: true },
    };
    const message = await client.messages.create(body as Anthropic.MessageCreateParamsNonStreaming, {
      headers: { 'anthropic-beta': 'extended-cache-ttl-2025-04-11' },
    });
    const sent = simulator.requests.at(-1)!;
    expect(sent.body).toEqual({ ...body, model: 'claude-sonnet-4-5' });
    expect(sent.headers['anthropic-beta']).toBe('extended-cache-ttl-2025-04-11');
    expect(sent.headers['x-api-key']).toBe('sim-anthropic');
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
  });

  it('streams Anthropic events untouched, thinking and signature included', async () => {
    const events: string[] = [];
    const stream = client.messages.stream({
      model: 'anthropic/claude-sonnet-4-5',
      max_tokens: 2000,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'Think first.' }],
    });
    stream.on('streamEvent', (event) =>
      events.push(event.type === 'content_block_delta' ? `delta:${event.delta.type}` : event.type),
    );
    const final = await stream.finalMessage();
    expect(events).toContain('delta:thinking_delta');
    expect(events).toContain('delta:signature_delta');
    expect((final.content[0] as Anthropic.ThinkingBlock).signature.length).toBeGreaterThan(0);
  });
});
