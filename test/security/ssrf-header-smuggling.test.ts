import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * Callers cannot choose where a request goes upstream nor what headers reach the provider: base URLs come
 * from configuration only, and only the documented allow-list (`anthropic-beta`) is forwarded.
 */
const providerKeys = {
  openai: 'sk-ssrf-configured-openai-0001',
  anthropic: 'sk-ant-ssrf-configured-0001',
  gemini: 'AIza-ssrf-configured-gemini-0001',
};

let simulator: Simulator;
let decoy: Server;
let decoyUrl: string;
const decoyHits: string[] = [];
let running: RunningGateway;

/** Every header a caller could try to push upstream, with values easy to find. */
const callerHeaders: Record<string, string> = {
  authorization: 'Bearer caller-bearer-token-0001',
  'x-api-key': 'caller-x-api-key-0001',
  'api-key': 'caller-azure-key-0001',
  'x-goog-api-key': 'caller-goog-key-0001',
  'anthropic-version': '1999-01-01',
  'x-forwarded-for': '10.66.66.66',
  'x-forwarded-host': 'decoy.internal',
  'x-forwarded-proto': 'gopher',
  forwarded: 'for=10.66.66.66;host=decoy.internal',
  'x-real-ip': '10.66.66.66',
  'proxy-authorization': 'Basic Y2FsbGVyOnNlY3JldA==',
  cookie: 'session=caller-cookie-0001',
  'openai-organization': 'org-caller-0001',
  'openai-project': 'proj-caller-0001',
  'x-evil-header': 'caller-evil-0001',
  te: 'trailers',
  'anthropic-beta': 'prompt-caching-2024-07-31',
};
const callerValues = Object.entries(callerHeaders)
  .filter(([name]) => name !== 'anthropic-beta' && name !== 'te')
  .map(([, value]) => value);

/** A raw HTTP request, so any header (host, te, forwarded…) goes out exactly as written. */
function send(path: string, body: unknown, headers: Record<string, string> = callerHeaders) {
  const url = new URL(path, running.url);
  const payload = JSON.stringify(body);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          host: 'decoy.internal',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** The caller-controlled body fields SDKs and proxies use to pick an upstream. */
const redirectFields = () => ({
  base_url: decoyUrl,
  baseURL: decoyUrl,
  api_base: decoyUrl,
  endpoint: decoyUrl,
  url: decoyUrl,
  extra_headers: { 'x-evil-header': 'caller-evil-0001' },
  headers: { authorization: 'Bearer caller-bearer-token-0001' },
});

function expectNoCallerHeader(headers: IncomingHttpHeaders, expectedHost: string): void {
  const text = JSON.stringify(headers);
  for (const value of callerValues) expect(text, value).not.toContain(value);
  for (const name of [
    'x-forwarded-for',
    'x-forwarded-host',
    'x-forwarded-proto',
    'forwarded',
    'x-real-ip',
    'cookie',
    'proxy-authorization',
    'x-evil-header',
    'te',
    'openai-organization',
    'openai-project',
  ])
    expect(headers[name], name).toBeUndefined();
  expect(headers.host).toBe(expectedHost);
}

beforeAll(async () => {
  simulator = await createSimulator({ seed: 21, timeScale: 0.01 });
  decoy = createServer((request, response) => {
    decoyHits.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
  decoyUrl = `http://127.0.0.1:${(decoy.address() as AddressInfo).port}/v1`;
  running = await startGateway({
    OPENAI_API_KEY: providerKeys.openai,
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    ANTHROPIC_API_KEY: providerKeys.anthropic,
    ANTHROPIC_BASE_URL: simulator.url,
    GEMINI_API_KEY: providerKeys.gemini,
    GEMINI_BASE_URL: simulator.url,
  });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
  await new Promise((resolve) => decoy?.close(resolve));
});

describe('no SSRF and no header smuggling', () => {
  const simulatorHost = () => new URL(simulator.url).host;

  it('OpenAI chat: body fields naming an upstream change nothing, no caller header goes through', async () => {
    simulator.reset();
    const answered = await send('/v1/chat/completions', {
      model: 'openai/sim-instant',
      messages: [{ role: 'user', content: 'hi' }],
      ...redirectFields(),
    });
    expect(answered.status).toBe(200);
    const [upstream] = simulator.requests;
    expect(upstream!.path).toBe('/v1/chat/completions');
    expect(upstream!.headers.authorization).toBe(`Bearer ${providerKeys.openai}`);
    expectNoCallerHeader(upstream!.headers, simulatorHost());
  });

  it('Gemini: a model id cannot walk the upstream path or name another host', async () => {
    simulator.reset();
    for (const model of [
      'gemini/../../v1/evil',
      'gemini/sim-instant?key=x#',
      `gemini/@${new URL(decoyUrl).host}`,
    ]) {
      await send('/v1/chat/completions', { model, messages: [{ role: 'user', content: 'hi' }] });
    }
    expect(simulator.requests.length).toBeGreaterThan(0);
    for (const upstream of simulator.requests) {
      expect(upstream.path).toMatch(/^\/v1beta\/models\/[^/?#]+:generateContent/);
      expect(upstream.headers['x-goog-api-key']).toBe(providerKeys.gemini);
      expectNoCallerHeader(upstream.headers, simulatorHost());
    }
  });

  it('Anthropic messages: only anthropic-beta is forwarded, with the configured key and version', async () => {
    simulator.reset();
    const answered = await send('/v1/messages', {
      model: 'anthropic/sim-instant',
      max_tokens: 20,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answered.status).toBe(200);
    const [upstream] = simulator.requests;
    expect(upstream!.headers['x-api-key']).toBe(providerKeys.anthropic);
    expect(upstream!.headers['anthropic-version']).not.toBe('1999-01-01');
    expect(upstream!.headers['anthropic-beta']).toBe('prompt-caching-2024-07-31');
    expect(upstream!.headers.authorization).toBeUndefined();
    expectNoCallerHeader(upstream!.headers, simulatorHost());
  });

  it('Responses, the chat-service and fallbacks: nothing a caller sends picks an upstream', async () => {
    simulator.reset();
    await send('/v1/responses', { model: 'openai/sim-instant', input: 'hi', ...redirectFields() });
    await send('/chat', { prompt: 'hi', model_provider: 'openai' });
    const fallback = await send(
      '/v1/chat/completions',
      {
        model: 'openai/sim-down',
        messages: [{ role: 'user', content: 'hi' }],
        fallbacks: [decoyUrl, `openai/${decoyUrl}`],
      },
      { ...callerHeaders, 'x-arbiter-fallbacks': decoyUrl },
    );
    expect(fallback.status).toBeGreaterThanOrEqual(400);
    expect(simulator.requests.length).toBeGreaterThanOrEqual(2);
    for (const upstream of simulator.requests) expectNoCallerHeader(upstream.headers, simulatorHost());
  });

  it('never reached the decoy', () => {
    expect(decoyHits).toEqual([]);
  });
});
