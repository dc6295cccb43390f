import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import type { ChatServiceResponse } from '../../src/server/chat-service/build-chat-service-response.js';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli.js';

// The real `arbiter serve` process (dist/), with SQLite in a temporary data directory and the simulator
// (in this process) as the upstream: what survives a restart, a SIGTERM and a SIGKILL.

let simulator: Simulator;
const started: SpawnedCli[] = [];

beforeAll(async () => {
  // sim-slow crawls here (16 tokens/s once scaled), so a full answer takes seconds.
  simulator = await createSimulator({
    seed: 3,
    timeScale: 0.25,
    profiles: { 'sim-slow': { tokensPerSecond: 4 } },
  });
});

afterAll(async () => {
  for (const cli of started)
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  await simulator?.close();
});

async function serve(dataDir: string, env: Record<string, string> = {}) {
  const cli = spawnCli(['serve', '--port', '0'], {
    cwd: mkdtempSync(join(tmpdir(), 'arbiter-process-')),
    env: {
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      ARBITER_DEMO: '0',
      ARBITER_STORE: 'sqlite',
      ARBITER_DATA_DIR: dataDir,
      MAX_RETRY_ATTEMPTS: '0',
      ...env,
    },
  });
  started.push(cli);
  const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return { cli, url: url! };
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as ChatServiceResponse };
}

/** Every usage record the server has, by request id. */
async function getUsageRecords(url: string) {
  const page = (await (await fetch(`${url}/usage/requests?limit=500`)).json()) as {
    data: Array<{ request_id: string; status: number; stream: boolean; completion_tokens: number }>;
  };
  const records = page.data;
  return new Map(records.map((record) => [record.request_id, record]));
}

const dataDirectory = () => mkdtempSync(join(tmpdir(), 'arbiter-data-'));

describe('a real arbiter process with SQLite', () => {
  it('keeps usage and conversations across a restart, and continues the conversation after it', async () => {
    const dataDir = dataDirectory();
    const first = await serve(dataDir);
    const chat = await post(`${first.url}/chat`, {
      message: 'Remember the lighthouse',
      system_prompt: 'You are a harbour master.',
      model: 'openai/gpt-4o-mini',
    });
    const client = new OpenAI({ baseURL: `${first.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
    first.cli.child.kill('SIGTERM');
    expect(await first.cli.exited).toBe(0);

    const second = await serve(dataDir);
    const usage = (await (await fetch(`${second.url}/usage`)).json()) as {
      totals: { requests: number; cost_estimate: number };
    };
    expect(usage.totals.requests).toBe(2);
    expect(usage.totals.cost_estimate).toBeGreaterThan(0);
    const id = chat.body.conversation_id;
    const history = await (await fetch(`${second.url}/history/${id}`)).json();
    expect(history).toMatchObject({ system_prompt: 'You are a harbour master.', message_count: 2 });

    simulator.reset();
    await post(`${second.url}/chat`, {
      message: 'And now?',
      conversation_id: id,
      model: 'openai/gpt-4o-mini',
    });
    expect((simulator.requests.at(-1)!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'system', content: 'You are a harbour master.' },
      { role: 'user', content: 'Remember the lighthouse' },
      { role: 'assistant', content: chat.body.message },
      { role: 'user', content: 'And now?' },
    ]);
    second.cli.child.kill('SIGTERM');
    expect(await second.cli.exited).toBe(0);
  });

  it('on SIGTERM lets 50 in-flight streams finish or end cleanly, and logs every one', async () => {
    const dataDir = dataDirectory();
    const { cli, url } = await serve(dataDir, { SHUTDOWN_GRACE_SECONDS: '1' });
    // sim-slow here: first token after ~0.4 s, then 16 tokens/s. 25 answers cut at 3 tokens end within
    // the grace period; 25 whole answers (several seconds) are still running at its end.
    const open = Array.from({ length: 50 }, (_, index) =>
      fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'openai/sim-slow',
          messages: [{ role: 'user', content: `stream ${index}` }],
          max_tokens: index % 2 === 0 ? 3 : 2000,
          stream: true,
        }),
      }),
    );
    const responses = await Promise.all(open);
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const ids = responses.map((response) => response.headers.get('x-request-id')!);
    cli.child.kill('SIGTERM');
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(await cli.exited).toBe(0);

    bodies.forEach((body, index) => {
      if (index % 2 === 0) expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
      else {
        expect(body).not.toContain('[DONE]');
        expect(body.trimEnd().split('\n').at(-1)).toContain('"code":"server_shutting_down"');
      }
    });
    expect(cli.output()).toContain('"cut":25');

    const restarted = await serve(dataDir);
    const records = await getUsageRecords(restarted.url);
    for (const [index, id] of ids.entries()) {
      expect(records.get(id)).toMatchObject({ stream: true, status: index % 2 === 0 ? 200 : 503 });
      expect(records.get(id)!.completion_tokens).toBeGreaterThan(0);
    }
    restarted.cli.child.kill('SIGTERM');
    expect(await restarted.cli.exited).toBe(0);
  });

  it('on SIGKILL loses at most the usage records of the last flush interval', async () => {
    const dataDir = dataDirectory();
    const flushIntervalInMs = 200;
    const { cli, url } = await serve(dataDir, { USAGE_FLUSH_INTERVAL_MS: String(flushIntervalInMs) });
    const send = async () => {
      const { response } = await post(`${url}/v1/chat/completions`, {
        model: 'openai/sim-instant',
        messages: [{ role: 'user', content: 'hi' }],
      });
      return response.headers.get('x-request-id')!;
    };
    const older: string[] = [];
    for (let index = 0; index < 20; index++) older.push(await send());
    // Older than the bound: a flush interval plus ample time for one batch write.
    await new Promise((resolve) => setTimeout(resolve, flushIntervalInMs + 300));
    const recent: string[] = [];
    for (let index = 0; index < 5; index++) recent.push(await send());
    cli.child.kill('SIGKILL');
    await cli.exited;

    const restarted = await serve(dataDir);
    const records = await getUsageRecords(restarted.url);
    for (const id of older) expect(records.has(id)).toBe(true);
    expect(records.size).toBeGreaterThanOrEqual(older.length);
    expect(records.size).toBeLessThanOrEqual(older.length + recent.length);
    restarted.cli.child.kill('SIGTERM');
    expect(await restarted.cli.exited).toBe(0);
  });
});
