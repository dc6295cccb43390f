import { createOpenAI } from '@ai-sdk/openai';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** The Vercel AI SDK's default `openai(model)` speaks the Responses API: it must work with any provider behind. */
let simulator: Simulator;
let running: RunningGateway;
let openai: ReturnType<typeof createOpenAI>;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 19, timeScale: 0.02 });
  running = await startGateway({
    OPENAI_API_KEY: 'sim-openai',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    GROQ_API_KEY: 'sim-groq',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    ANTHROPIC_API_KEY: 'sim-anthropic',
    ANTHROPIC_BASE_URL: simulator.url,
    GEMINI_API_KEY: 'sim-gemini',
    GEMINI_BASE_URL: simulator.url,
  });
  openai = createOpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller' });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

/** What each target's upstream call looks like: OpenAI natively, the others translated. */
const upstreamPaths: Record<string, RegExp> = {
  openai: /^\/v1\/responses$/,
  groq: /^\/openai\/v1\/chat\/completions$/,
  anthropic: /^\/v1\/messages$/,
  gemini: /:generateContent$/,
};

const weather = tool({
  description: 'Weather in a city',
  inputSchema: jsonSchema<{ city: string }>({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

describe.each(['openai/sim-fast', 'groq/sim-fast', 'anthropic/sim-fast', 'gemini/sim-fast'])(
  'ai SDK openai(%s)',
  (model) => {
    it('generates text through /v1/responses', async () => {
      const result = await generateText({
        model: openai(model),
        system: 'Be brief.',
        prompt: 'Describe a desert',
        maxRetries: 0,
      });
      expect(result.text.length).toBeGreaterThan(10);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
      expect(simulator.requests.at(-1)!.path).toMatch(upstreamPaths[model.split('/')[0]!]!);
    });

    it('streams text', async () => {
      const result = streamText({ model: openai(model), prompt: 'Describe a desert', maxRetries: 0 });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      expect(text.length).toBeGreaterThan(10);
      expect((await result.usage).outputTokens).toBeGreaterThan(0);
    });

    it('runs a tool loop: call, execute, answer', async () => {
      const result = await generateText({
        model: openai(model.replace('sim-fast', 'sim-tools')),
        prompt: 'What is the weather in Quito?',
        tools: { weather },
        stopWhen: stepCountIs(3),
        maxRetries: 0,
      });
      const calls = result.steps.flatMap((step) => step.toolCalls);
      expect(calls[0]?.toolName).toBe('weather');
      expect(result.steps.length).toBeGreaterThanOrEqual(2);
      expect(result.text.length).toBeGreaterThan(0);
    });
  },
);
