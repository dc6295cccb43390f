import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** Selectors configured in arbiter.yaml order the targets of real requests. */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

const configYaml = `
routes:
  coding:
    selector: rules
    rules:
      - when: { contains: [python, function] }
        prefer: [openai/code-model]
      - when: { minMessages: 6 }
        prefer: [groq/long-context-model]
    targets: [groq/chat-model, openai/code-model, groq/long-context-model]
  cheapest:
    selector: cost
    targets: [openai/gpt-4o, openai/gpt-4o-mini]
  spread:
    selector: round-robin
    targets: [groq/sim-fast, openai/sim-fast]
`;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 71, timeScale: 0.02 });
  running = await startGateway(
    {
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
    },
    { configYaml },
  );
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const modelOf = async (model: string, messages: OpenAI.ChatCompletionMessageParam[]) =>
  (await client.chat.completions.create({ model, messages }).withResponse()).response.headers.get(
    'x-arbiter-model',
  );

describe('selectors from config', () => {
  it('rules: code questions go to the code model, long conversations to the long-context one', async () => {
    expect(
      await modelOf('coding', [{ role: 'user', content: 'Write a Python function that sorts a list' }]),
    ).toBe('code-model');
    const long = Array.from({ length: 6 }, (_, index) => ({
      role: index % 2 ? ('assistant' as const) : ('user' as const),
      content: `turn ${index}`,
    }));
    expect(await modelOf('coding', long)).toBe('long-context-model');
    expect(await modelOf('coding', [{ role: 'user', content: 'How are you?' }])).toBe('chat-model');
  });

  it('cost: the cheapest known model first', async () => {
    expect(await modelOf('cheapest', [{ role: 'user', content: 'hi' }])).toBe('gpt-4o-mini');
  });

  it('round-robin: successive requests alternate targets', async () => {
    const providers = [];
    for (let index = 0; index < 4; index++) {
      const { response } = await client.chat.completions
        .create({ model: 'spread', messages: [{ role: 'user', content: 'hi' }] })
        .withResponse();
      providers.push(response.headers.get('x-arbiter-provider'));
    }
    expect(new Set(providers)).toEqual(new Set(['groq', 'openai']));
    expect(providers[0]).not.toBe(providers[1]);
  });

  it('refuses an unknown selector or a bad rule at start-up, naming the place', async () => {
    const failure = await startGateway(
      { GROQ_API_KEY: 'k' },
      { configYaml: 'routes:\n  r:\n    selector: fastest-please\n    targets: [groq/x]\n' },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).issues[0]).toMatchObject({
      path: 'routes.r.selector',
      message: expect.stringContaining('least-latency'),
    });
    const badRule = await startGateway(
      { GROQ_API_KEY: 'k' },
      {
        configYaml:
          'routes:\n  r:\n    selector: rules\n    rules: [{ prefer: [groq/x] }]\n    targets: [groq/x]\n',
      },
    ).catch((error: unknown) => error);
    expect(badRule).toBeInstanceOf(ConfigError);
    expect((badRule as ConfigError).issues[0]!.path).toMatch(/^routes\.r\.rules/);
  });
});
