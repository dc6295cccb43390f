import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownProviders } from '../../src/config/known-providers.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * Smoke tests against the real providers, for a user checking their own keys with `npm test`. Each runs
 * only when that provider's key is in the environment; without any key they are skipped with one notice.
 */
const configured = knownProviders.filter((provider) => process.env[`${provider.envPrefix}_API_KEY`]);
if (configured.length === 0) {
  console.info(
    'live provider smoke tests skipped: no provider API key in the environment (set e.g. GROQ_API_KEY to run them)',
  );
}

for (const provider of configured) {
  describe(`live: ${provider.name}`, () => {
    let running: RunningGateway;
    let client: OpenAI;
    const prefix = provider.envPrefix;
    beforeAll(async () => {
      const env: Record<string, string> = {};
      for (const suffix of ['API_KEY', 'BASE_URL', 'MODEL']) {
        const value = process.env[`${prefix}_${suffix}`];
        if (value) env[`${prefix}_${suffix}`] = value;
      }
      running = await startGateway(env);
      client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'local', maxRetries: 0 });
    });
    afterAll(async () => running?.close());

    it('answers a short prompt', async () => {
      const completion = await client.chat.completions.create({
        model: provider.name,
        messages: [{ role: 'user', content: 'Reply with the word: pong' }],
        max_tokens: 20,
      });
      expect(completion.choices[0]!.message.content?.toLowerCase()).toContain('pong');
      expect(completion.usage!.total_tokens).toBeGreaterThan(0);
    }, 60_000);

    it('streams with usage', async () => {
      const stream = await client.chat.completions.create({
        model: provider.name,
        messages: [{ role: 'user', content: 'Count from 1 to 5.' }],
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 50,
      });
      let text = '';
      let hasUsage = false;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        hasUsage ||= chunk.usage != null;
      }
      expect(text).toMatch(/1.*5/s);
      expect(hasUsage).toBe(true);
    }, 60_000);
  });
}

if (configured.length === 0) {
  it.skip('live provider smoke tests need a real key in the environment (e.g. GROQ_API_KEY)', () =>
    undefined);
}
