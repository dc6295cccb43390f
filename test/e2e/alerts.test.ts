import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** Webhook alerts through the real server: an outage, every key failing, a budget crossed. */
let simulator: Simulator;
let running: RunningGateway;
let webhook: Server;
let hookUrl: string;
const received: Array<{
  path: string;
  body: { alert?: { kind: string; subject: string; message: string } };
}> = [];
const gatewayKey = 'arb_test_alerts_key_0123456789';

beforeAll(async () => {
  webhook = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(text) });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hooks/secret-token-123`;
  simulator = await createSimulator({ seed: 11, timeScale: 0.02 });
  running = await startGateway(
    {
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      MAX_RETRY_ATTEMPTS: '0',
      ARBITER_API_KEYS: `${gatewayKey}:tiny`,
      ALERT_WEBHOOK_URLS: hookUrl,
    },
    {
      configYaml: [
        'routes:',
        '  flaky: [groq/sim-down, openai/sim-fast]',
        'plans:',
        '  tiny:',
        '    budgetPerDayUsd: 0.0005',
      ].join('\n'),
    },
  );
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
  await new Promise((resolve) => webhook?.close(resolve));
});

const client = () => new OpenAI({ baseURL: `${running.url}/v1`, apiKey: gatewayKey, maxRetries: 0 });
const messages = [{ role: 'user' as const, content: 'hello' }];

async function waitForAlerts(count: number): Promise<void> {
  for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('alerts', () => {
  it('sends one provider-offline alert when the only target of a provider trips its breaker', async () => {
    for (let i = 0; i < 8; i++) await client().chat.completions.create({ model: 'flaky', messages });
    await waitForAlerts(1);
    const offline = received.filter((entry) => entry.body.alert?.kind === 'provider-offline');
    expect(offline).toHaveLength(1);
    expect(offline[0]!.body.alert).toMatchObject({ subject: 'groq' });
    expect(offline[0]!.body.alert!.message).toContain('groq/sim-down');
    expect(offline[0]!.path).toBe('/hooks/secret-token-123');
  });

  it('sends each budget threshold once per window, then refuses past the budget', async () => {
    const before = received.length;
    let refused = 0;
    for (let i = 0; i < 40 && refused === 0; i++) {
      await client()
        .chat.completions.create({ model: 'openai/gpt-4o-mini', messages, max_tokens: 200 })
        .catch((error: { status?: number }) => {
          if (error.status === 429) refused++;
        });
    }
    expect(refused).toBe(1);
    await client()
      .chat.completions.create({ model: 'openai/gpt-4o-mini', messages })
      .catch(() => undefined);
    await waitForAlerts(before + 2);
    const budget = received.slice(before).map((entry) => entry.body.alert!);
    expect(budget.map((alert) => alert.kind)).toEqual(['budget-threshold', 'budget-threshold']);
    expect(budget[0]!.message).toMatch(/used 80 % of plan "tiny"'s per-key daily budget/);
    expect(budget[1]!.message).toMatch(/used all of plan "tiny"'s per-key daily budget/);
  });

  it('never puts the webhook URL in an error, log or response', async () => {
    const response = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gatewayKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'nope/x', messages }),
    });
    expect(await response.text()).not.toContain('secret-token-123');
    expect(running.gateway.redact('see http://127.0.0.1/hooks/secret-token-123')).not.toContain(
      'secret-token-123',
    );
  });
});
