import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type BehaviourProfile, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * 1,000 requests while the targets' health changes every 100 requests: outages, rate limits, flaky
 * errors, hangs and cut streams, with at least one healthy target at every moment. The caller must
 * never see an error.
 */
let simulator: Simulator;
let running: RunningGateway;
let client: OpenAI;

const models = ['chaos-a', 'chaos-b', 'chaos-c'];
const failures: Array<Partial<BehaviourProfile>> = [
  { mode: 'down' },
  { mode: 'rate-limited', retryAfterSeconds: 1 },
  { mode: 'normal', errorRate: 0.6 },
  { mode: 'hang' },
  { mode: 'cut' },
];
const healthy: Partial<BehaviourProfile> = { mode: 'normal', errorRate: 0 };

beforeAll(async () => {
  simulator = await createSimulator({ seed: 77, timeScale: 0.01 });
  running = await startGateway(
    {
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      GROQ_TIMEOUT: '0.5',
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      OPENAI_TIMEOUT: '0.5',
      DEEPSEEK_API_KEY: 'sim-deepseek',
      DEEPSEEK_BASE_URL: simulator.url,
      DEEPSEEK_TIMEOUT: '0.5',
    },
    {
      configYaml: `routes:\n  chaos:\n    continueOnFailure: true\n    targets: [groq/chaos-a, openai/chaos-b, deepseek/chaos-c]\n`,
    },
  );
  client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0, timeout: 30_000 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

/** Phase p: one model healthy (rotating), the others failing in rotating ways. */
function setPhase(phase: number): void {
  models.forEach((model, index) => {
    const isHealthy = index === phase % models.length;
    simulator.setProfile(
      model,
      isHealthy ? healthy : { ...healthy, ...failures[(phase + index) % failures.length] },
    );
  });
}

describe('chaos', () => {
  it('1,000 requests, targets failing and recovering, zero client-visible errors', async () => {
    const attemptCounts = new Map<number, number>();
    const errors: string[] = [];
    const concurrency = 20;
    for (let phase = 0; phase < 10; phase++) {
      setPhase(phase);
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < 100) {
            const index = next++;
            const isStream = index % 4 === 0;
            try {
              if (isStream) {
                const stream = await client.chat.completions.create({
                  model: 'chaos',
                  messages: [{ role: 'user', content: `request ${phase}-${index}` }],
                  stream: true,
                });
                let text = '';
                for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
                if (text.length === 0) errors.push(`phase ${phase}: empty stream`);
              } else {
                const { data, response } = await client.chat.completions
                  .create({
                    model: 'chaos',
                    messages: [{ role: 'user', content: `request ${phase}-${index}` }],
                  })
                  .withResponse();
                if (!data.choices[0]?.message.content) errors.push(`phase ${phase}: empty answer`);
                const attempts = Number(response.headers.get('x-arbiter-attempts'));
                attemptCounts.set(attempts, (attemptCounts.get(attempts) ?? 0) + 1);
              }
            } catch (error) {
              errors.push(`phase ${phase}: ${(error as Error).message}`);
            }
          }
        }),
      );
    }
    const histogram = [...attemptCounts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([attempts, count]) => `${attempts} attempt(s): ${count}`);
    console.info(
      `chaos: 1000 requests (750 non-streamed, 250 streamed); non-streamed by attempts taken: ${histogram.join(', ')}`,
    );
    expect(errors).toEqual([]);
  }, 120_000);
});
