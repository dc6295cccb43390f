import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCliInTerminal } from '../support/spawn-cli-in-terminal.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';
import { runCliWithInput } from './run-cli-with-input.js';

let simulator: Simulator;
let running: RunningGateway;
const cwd = mkdtempSync(join(tmpdir(), 'arbiter-cli-client-'));

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.1 });
  running = await startGateway({
    GROQ_API_KEY: 'gsk-test',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    GROQ_MODEL: 'sim-fast',
    OLLAMA_BASE_URL: simulator.url,
    OLLAMA_MODEL: 'sim-down',
    LLM_AUTO_FALLBACK: 'false',
    MAX_RETRY_ATTEMPTS: '0',
  });
  const send = (model: string) =>
    fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }] }),
    });
  for (const model of ['groq', 'groq', 'groq', 'ollama']) await (await send(model)).text();
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

describe('arbiter providers and arbiter stats', () => {
  it('print JSON for machines', async () => {
    const [providers, stats] = await Promise.all([
      runCliWithInput(['providers', '--json', '--url', running.url], { cwd }),
      runCliWithInput(['stats', '--json'], { cwd, env: { ARBITER_URL: running.url } }),
    ]);
    expect(providers.code).toBe(0);
    const report = JSON.parse(providers.stdout);
    expect(report).toMatchObject({ default_provider: 'groq', auto_fallback: false, demo: false });
    expect(report.fallback_order).toEqual(['groq']);
    expect(report.providers[0]).toEqual({
      provider: 'groq',
      status: 'online',
      model: 'sim-fast',
      response_time_avg: expect.any(Number),
      error_rate: 0,
      samples: 3,
    });
    // One failure in one attempt: degraded, not yet offline (that takes three in a row).
    expect(report.providers[1]).toMatchObject({ provider: 'ollama', status: 'degraded', error_rate: 1 });
    expect(report.providers).toContainEqual(
      expect.objectContaining({ provider: 'openai', status: 'unconfigured', note: 'set OPENAI_API_KEY' }),
    );

    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual({
      current_provider: 'groq',
      available_providers: ['groq', 'ollama'],
      auto_fallback: false,
      fallback_order: ['groq'],
      providers: [
        {
          provider: 'groq',
          requests: 3,
          successes: 3,
          failures: 0,
          success_rate: 1,
          average_time_s: expect.any(Number),
        },
        {
          provider: 'ollama',
          requests: 1,
          successes: 0,
          failures: 1,
          success_rate: 0,
          average_time_s: expect.any(Number),
        },
      ],
      totals: {
        provider: null,
        requests: 4,
        successes: 3,
        failures: 1,
        success_rate: 0.75,
        average_time_s: expect.any(Number),
      },
    });
  });

  it('colour the table in a terminal and keep it plain in a pipe', async () => {
    const terminal = spawnCliInTerminal(['providers', '--url', running.url], { cwd });
    const [piped, code] = await Promise.all([
      runCliWithInput(['providers', '--url', running.url], { cwd }),
      terminal.exited,
    ]);
    expect(code).toBe(0);
    expect(terminal.rawOutput()).toContain('\u001B[32m✅ online\u001B[39m');
    expect(terminal.output()).toMatch(/groq \(default\)\s+✅ online\s+sim-fast/);
    expect(terminal.output()).toMatch(/ollama\s+⚠️ degraded\s+sim-down\s+—\s+100%/);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/groq \(default\)\s+✅ online\s+sim-fast/);
    expect(piped.stdout).not.toContain('\u001B[');
  });

  it('exit with 3 and say how to start one when no gateway answers', async () => {
    const { code, output } = await runCliWithInput(['stats', '--url', 'http://127.0.0.1:1'], { cwd });
    expect(code).toBe(3);
    expect(output).toContain(
      'no gateway at http://127.0.0.1:1 — start one with `arbiter serve` or pass --url',
    );
    expect(output).not.toMatch(/\n\s+at /);
  });
});
