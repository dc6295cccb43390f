import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway } from '../support/start-gateway.js';

/** The per-request JSON log line: one per request, with the attempt trail; bodies only with LOG_BODIES. */
let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ seed: 3, timeScale: 0.02 });
});
afterAll(() => simulator?.close());

async function runAndCollect(extraEnv: Record<string, string>) {
  const lines: string[] = [];
  const running = await startGateway(
    {
      OPENAI_API_KEY: 'sim-openai-secret-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      MAX_RETRY_ATTEMPTS: '0',
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    {
      configYaml: 'routes:\n  flaky: [groq/sim-down, openai/sim-fast]\n',
      logDestination: { write: (line: string) => lines.push(line) },
    },
  );
  try {
    const client = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
    await client.chat.completions.create({
      model: 'flaky',
      messages: [{ role: 'user', content: 'mail me at jane.doe@example.com' }],
    });
  } finally {
    await running.close();
  }
  return lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === 'request');
}

describe('request log lines', () => {
  it('writes one JSON line per request with the attempt trail and no bodies by default', async () => {
    const [line, ...rest] = await runAndCollect({});
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      route: 'flaky',
      attempts: [
        { target: expect.stringMatching(/^groq\/sim-down/), ok: false, error: 'overloaded' },
        { target: expect.stringMatching(/^openai\/sim-fast/), ok: true },
      ],
    });
    expect(line!.reqId).toMatch(/^req_/);
    expect(line).not.toHaveProperty('request');
  });

  it('adds the bodies with LOG_BODIES, with personal data and keys redacted', async () => {
    const [line] = await runAndCollect({ LOG_BODIES: 'true' });
    expect(line!.request).toContain('mail me at');
    expect(line!.request).not.toContain('jane.doe@example.com');
    expect(typeof line!.response).toBe('string');
    expect(JSON.stringify(line)).not.toContain('sim-openai-secret-key');
  });
});
