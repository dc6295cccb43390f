import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** `POST /v1/embeddings` through the gateway to every family that embeds, with the openai SDK as caller. */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 9, timeScale: 0.05 });
  running = await startGateway({
    OPENAI_API_KEY: 'sim-openai',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    GEMINI_API_KEY: 'sim-gemini',
    GEMINI_BASE_URL: simulator.url,
    OLLAMA_BASE_URL: simulator.url,
    AZURE_OPENAI_API_KEY: 'sim-azure',
    AZURE_OPENAI_ENDPOINT: simulator.url,
    ANTHROPIC_API_KEY: 'sim-anthropic',
    ANTHROPIC_BASE_URL: simulator.url,
  });
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

describe('POST /v1/embeddings', () => {
  for (const model of [
    'openai/text-embedding-3-small',
    'gemini/text-embedding-004',
    'ollama/nomic-embed-text',
    'azure/text-embedding-3-small',
  ]) {
    it(`embeds through ${model.split('/')[0]}`, async () => {
      const { data: result, response } = await client.embeddings
        .create({ model, input: ['first text', 'second text'], encoding_format: 'float' })
        .withResponse();
      expect(result.data.map((item) => item.index)).toEqual([0, 1]);
      expect(result.data[0]!.embedding.length).toBeGreaterThan(10);
      expect(result.data[0]!.embedding).not.toEqual(result.data[1]!.embedding);
      expect(result.usage.prompt_tokens).toBeGreaterThan(0);
      expect(response.headers.get('x-arbiter-provider')).toBe(model.split('/')[0]);
    });
  }

  it('names a provider that cannot embed and a missing input', async () => {
    const anthropic = await client.embeddings
      .create({ model: 'anthropic/claude-sonnet-4-5', input: 'x' })
      .catch((error: unknown) => error);
    expect(anthropic).toMatchObject({
      status: 400,
      message: expect.stringContaining('anthropic does not offer embeddings'),
    });
    const missing = await client.embeddings
      .create({ model: 'openai/text-embedding-3-small' } as never)
      .catch((error: unknown) => error);
    expect(missing).toMatchObject({ status: 400, param: 'input', code: 'missing_required_parameter' });
  });
});
