import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** OpenAI `image_url` parts become each provider's own image blocks, or a clear 400 where they cannot. */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;
const pixel =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

beforeAll(async () => {
  simulator = await createSimulator({ seed: 41, timeScale: 0.02 });
  running = await startGateway({
    ANTHROPIC_API_KEY: 'sim-anthropic',
    ANTHROPIC_BASE_URL: simulator.url,
    GEMINI_API_KEY: 'sim-gemini',
    GEMINI_BASE_URL: simulator.url,
    OLLAMA_BASE_URL: simulator.url,
  });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const ask = (model: string, url: string) =>
  client.chat.completions.create({
    model,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url } },
        ],
      },
    ],
  });
const lastUpstreamBody = () => simulator.requests.at(-1)!.body as Record<string, unknown>;

describe('image inputs', () => {
  it('become Anthropic image blocks (base64 and url sources)', async () => {
    await ask('anthropic/sim-fast', `data:image/png;base64,${pixel}`);
    const messages = lastUpstreamBody().messages as Array<{ content: Array<Record<string, unknown>> }>;
    expect(messages[0]!.content[1]).toEqual({
      type: 'image',
      source: { type: 'base64', media_type: 'image/png', data: pixel },
    });
    await ask('anthropic/sim-fast', 'https://example.com/cat.jpg');
    const urlMessages = lastUpstreamBody().messages as Array<{ content: Array<Record<string, unknown>> }>;
    expect(urlMessages[0]!.content[1]).toEqual({
      type: 'image',
      source: { type: 'url', url: 'https://example.com/cat.jpg' },
    });
  });

  it('become Gemini inlineData and fileData parts', async () => {
    await ask('gemini/sim-fast', `data:image/png;base64,${pixel}`);
    const contents = lastUpstreamBody().contents as Array<{ parts: Array<Record<string, unknown>> }>;
    expect(contents[0]!.parts[1]).toEqual({ inlineData: { mimeType: 'image/png', data: pixel } });
    await ask('gemini/sim-fast', 'https://example.com/cat.jpg');
    const urlContents = lastUpstreamBody().contents as Array<{ parts: Array<Record<string, unknown>> }>;
    expect(urlContents[0]!.parts[1]).toEqual({
      fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.jpg' },
    });
  });

  it('become Ollama base64 images, and an https URL is a clear 400', async () => {
    await ask('ollama/sim-fast', `data:image/png;base64,${pixel}`);
    const messages = lastUpstreamBody().messages as Array<Record<string, unknown>>;
    expect(messages[0]).toMatchObject({ role: 'user', content: 'What is in this picture?', images: [pixel] });
    const refused = await ask('ollama/sim-fast', 'https://example.com/cat.jpg').catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as Error).message).toMatch(/base64 data URL/i);
  });
});
