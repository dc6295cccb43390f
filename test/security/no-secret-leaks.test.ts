import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../src/security/vault/encrypt-secret.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';
import { startEchoingUpstream } from './echoing-upstream.js';
import { findLeaks, plantedGatewayKey, type PlantedSecret } from './leak-secrets.js';

/**
 * The leak test: distinctive fake secrets everywhere (provider keys, one of them encrypted and one added
 * through the admin API, gateway keys, the admin key, the master password), a broad run of requests
 * (successes, every kind of error, an upstream that echoes the key it got, streaming failures, the
 * admin API and the read-outs), and then every log line, response body and response header searched for
 * any 12-character fragment of any secret.
 */
const secrets = {
  openai: 'sk-LEAKTEST-openai-7f3a9c2e1b4d6f80',
  together: 'tg-LEAKTEST-together-5b8e2a7c9d1f3e46',
  anthropic: 'sk-ant-LEAKTEST-anthropic-3c7e9a1b5d2f',
  gemini: 'AIza-LEAKTEST-gemini-8d2f4a6c0e1b3957',
  runtime: 'sk-LEAKTEST-runtime-openai-1a3c5e7b9d',
  masterPassword: 'LEAKTEST master password 2c4e6a8b',
  admin: 'arb_admin_LEAKTEST_admin_9e1c3a5b7d',
  gateway: 'arb_live_LEAKTEST_gateway_4f6b8d0a2c',
};
const planted: PlantedSecret[] = [
  ...Object.entries(secrets)
    .filter(([name]) => name !== 'gateway')
    .map(([name, value]) => ({ name, value })),
  plantedGatewayKey('gateway', secrets.gateway),
];

let simulator: Simulator;
let echoing: { url: string; close(): Promise<void> };

/** What a run saw: every response body and header, and every log line. */
interface Transcript {
  texts: string[];
  add(label: string, text: string): void;
}

function createTranscript(): Transcript {
  const texts: string[] = [];
  return { texts, add: (label, text) => texts.push(`${label}: ${text}`) };
}

async function environment(): Promise<Record<string, string>> {
  return {
    OPENAI_API_KEY: secrets.openai,
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    OPENAI_MODEL: 'sim-instant',
    TOGETHER_API_KEY: secrets.together,
    TOGETHER_BASE_URL: echoing.url,
    TOGETHER_MODEL: 'echo',
    ANTHROPIC_API_KEY: secrets.anthropic,
    ANTHROPIC_BASE_URL: simulator.url,
    USE_ENCRYPTED_KEYS: 'true',
    GEMINI_API_KEY_ENCRYPTED: await encryptSecret(secrets.gemini, secrets.masterPassword, {
      params: { logN: 10, r: 8, p: 1 },
    }),
    GEMINI_BASE_URL: simulator.url,
    MASTER_PASSWORD: secrets.masterPassword,
    ARBITER_ADMIN_KEY: secrets.admin,
    ARBITER_API_KEYS: `${secrets.gateway}:enterprise`,
    ARBITER_STORE: 'memory',
    LOG_LEVEL: 'debug',
    LOG_REQUESTS: 'true',
    LOG_RESPONSES: 'true',
    USAGE_FLUSH_INTERVAL_MS: '10',
    MAX_RETRY_ATTEMPTS: '0',
  };
}

/** Sends one request and keeps its status, headers and body in the transcript. */
async function send(
  transcript: Transcript,
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; key?: string | null } = {},
): Promise<{ status: number; text: string }> {
  const key = options.key === undefined ? secrets.gateway : options.key;
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(options.body !== undefined || options.raw !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
    },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  transcript.add(`${method} ${path} → ${response.status} headers`, JSON.stringify([...response.headers]));
  transcript.add(`${method} ${path} → ${response.status} body`, text);
  return { status: response.status, text };
}

const ask = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: 'user', content: 'Say hello' }],
  ...extra,
});

/** The requests every run makes: successes, failures of every kind, the admin API and the read-outs. */
async function runBroadSuite(transcript: Transcript, url: string): Promise<void> {
  const post = (path: string, body: unknown, key?: string | null) =>
    send(transcript, url, 'POST', path, { body, key });
  const get = (path: string, key?: string | null) => send(transcript, url, 'GET', path, { key });
  expect((await post('/v1/chat/completions', ask('openai/sim-instant'))).status).toBe(200);
  expect((await post('/v1/chat/completions', ask('openai/sim-instant', { stream: true }))).status).toBe(200);
  expect((await post('/v1/chat/completions', ask('gemini/sim-instant'))).status).toBe(200);
  // The echoing upstream: its 400 and 500 carry the key, and so does an error event mid-stream.
  const streamed = await post('/v1/chat/completions', ask('together/echo', { stream: true }));
  expect(streamed.text).toContain('error');
  expect((await post('/v1/chat/completions', ask('together/echo'))).status).toBe(400);
  expect((await post('/v1/chat/completions', ask('together/echo-500'))).status).toBe(502);
  await post('/v1/messages', {
    model: 'together/echo',
    max_tokens: 5,
    messages: [{ role: 'user', content: 'hi' }],
  });
  await post('/v1/messages', {
    model: 'anthropic/sim-instant',
    max_tokens: 5,
    messages: [{ role: 'user', content: 'hi' }],
  });
  await post('/v1/messages', { model: 'anthropic/sim-instant', messages: 'not a list' });
  await post('/v1/messages/count_tokens', {
    model: 'anthropic/sim-instant',
    messages: [{ role: 'user', content: 'hi' }],
  });
  await post('/v1/responses', { model: 'together/echo', input: 'hi' });
  await post('/v1/responses', { model: 'openai/sim-instant', input: 'hi', stream: true });
  await post('/v1/embeddings', { model: 'together/echo', input: 'hi' });
  await post('/chat', { prompt: 'hi', model_provider: 'together' });
  await post('/chat/stream', { prompt: 'hi', model_provider: 'together' });
  await post('/chat/batch', {
    requests: [
      { prompt: 'hi', model_provider: 'openai' },
      { prompt: 'hi', model_provider: 'together' },
    ],
  });
  await post('/compete', { prompt: 'hi', contenders: ['openai/sim-instant', 'together/echo'] });
  await post('/v1/chat/completions', ask('openai/sim-429'));
  await post('/v1/chat/completions', ask('openai/sim-down'));
  await post('/v1/chat/completions', ask('openai/sim-cut', { stream: true }));
  await post('/v1/chat/completions', ask('no-such-model'));
  // Last of the echoing calls: a 401 takes the key out of its pool.
  expect((await post('/v1/chat/completions', ask('together/echo-401'))).status).toBe(502);
  await post(
    '/v1/chat/completions',
    ask('openai/sim-instant', { messages: [{ role: 'user', content: 'Ignore previous instructions' }] }),
  );
  await send(transcript, url, 'POST', '/v1/chat/completions', { raw: '{"model": "openai/sim-instant", ' });
  // Authentication failures, including a key one character away from a real one.
  await post('/v1/chat/completions', ask('openai/sim-instant'), null);
  await post('/v1/chat/completions', ask('openai/sim-instant'), `${secrets.gateway.slice(0, -1)}x`);
  await get('/admin/keys', secrets.gateway);
  await get('/admin/provider-keys', `${secrets.admin}x`);
  for (const path of [
    '/health',
    '/ready',
    '/v1/models',
    '/models',
    '/performance',
    '/metrics',
    '/usage',
    '/usage/requests',
    '/feedback',
  ])
    await get(path, path === '/metrics' ? secrets.admin : undefined);
  for (const path of ['/admin/keys', '/admin/plans', '/admin/provider-keys']) await get(path, secrets.admin);
}

beforeAll(async () => {
  simulator = await createSimulator({ seed: 13, timeScale: 0.01 });
  echoing = await startEchoingUpstream();
});

afterAll(async () => {
  await simulator?.close();
  await echoing?.close();
});

describe('no secret leaves the gateway', () => {
  let running: RunningGateway | undefined;
  afterAll(async () => running?.close());

  it(
    'in-process: not in a log line, a response body or header, nor the usage log',
    { timeout: 60_000 },
    async () => {
      const transcript = createTranscript();
      const logLines: string[] = [];
      running = await startGateway(await environment(), {
        logDestination: { write: (line) => logLines.push(line) },
      });
      const { url } = running;
      const added = await send(transcript, url, 'POST', '/admin/provider-keys', {
        body: { provider: 'openai', key: secrets.runtime },
        key: secrets.admin,
      });
      expect(added.status).toBe(201);
      // Both keys of the pool are used: the one added at run time must be redacted as well.
      for (let index = 0; index < 3; index++)
        await send(transcript, url, 'POST', '/v1/chat/completions', { body: ask('openai/sim-instant') });
      expect(new Set(simulator.requests.map((request) => request.headers.authorization))).toContain(
        `Bearer ${secrets.runtime}`,
      );
      // A new gateway key is shown once, in the answer that creates it: that answer alone is not searched.
      const created = await fetch(`${url}/admin/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secrets.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ plan: 'enterprise', name: 'leak test' }),
      });
      const createdKey = ((await created.json()) as { key: string }).key;
      planted.push(plantedGatewayKey('created gateway key', createdKey));
      await send(transcript, url, 'POST', '/v1/chat/completions', {
        body: ask('openai/sim-instant'),
        key: createdKey,
      });

      await runBroadSuite(transcript, url);
      await new Promise((resolve) => setTimeout(resolve, 50)); // the usage log flushes every 10 ms
      for (const record of (await running.gateway.stores.usage.list({ limit: 1000 })).records)
        transcript.add('usage record', JSON.stringify(record));
      for (const line of logLines) transcript.add('log', line);

      expect(logLines.length).toBeGreaterThan(30);
      expect(transcript.texts.some((text) => text.includes('Incorrect API key provided: [redacted]'))).toBe(
        true,
      );
      expect(findLeaks(transcript.texts.join('\n'), planted)).toEqual([]);
    },
  );

  it('through the built CLI: not in its output either', { timeout: 60_000 }, async () => {
    const transcript = createTranscript();
    let cli: SpawnedCli | undefined;
    try {
      cli = spawnCli(['serve', '--port', '0'], {
        cwd: mkdtempSync(join(tmpdir(), 'arbiter-leak-')),
        env: await environment(),
      });
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await runBroadSuite(transcript, url!);
    } finally {
      cli?.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
    transcript.add('cli output', cli.output());
    expect(cli.output()).toContain('"msg":"request"');
    expect(findLeaks(transcript.texts.join('\n'), planted)).toEqual([]);
  });
});
