import type { FastifyInstance } from 'fastify';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { listRegisteredRoutes } from '../../src/server/auth/register-tenancy.js';
import { createServer } from '../../src/server/create-server.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';

/**
 * A seeded fuzz pass over every route that takes a body: malformed JSON, deep nesting, huge strings,
 * wrong types in every field, NUL and lone surrogates, huge numbers, arrays for objects and
 * prototype-pollution keys. Every answer must be a 2xx, or a 4xx JSON error with a message in the route's
 * format — never a 5xx — and the process must stay healthy.
 */
const gatewayKey = 'arb_live_fuzz_gateway_key_000001';
const adminKey = 'arb_admin_fuzz_admin_key_0000001';
const seed = 20_241_122;

/** mulberry32: small, seeded, good enough to pick mutations reproducibly. */
function createRandom(initial: number): () => number {
  let state = initial >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A valid body per route, which the mutations start from. */
const validBodies: Record<string, Record<string, unknown>> = {
  '/v1/chat/completions': {
    model: 'openai/sim-instant',
    messages: [{ role: 'user', content: 'hi' }],
    max_tokens: 5,
  },
  '/chat/completions': { model: 'openai/sim-instant', messages: [{ role: 'user', content: 'hi' }] },
  '/v1/messages': { model: 'openai/sim-instant', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] },
  '/v1/messages/count_tokens': { model: 'openai/sim-instant', messages: [{ role: 'user', content: 'hi' }] },
  '/v1/responses': { model: 'openai/sim-instant', input: 'hi' },
  '/v1/embeddings': { model: 'openai/text-embedding-3-small', input: 'hi' },
  '/chat': { prompt: 'hi', model_provider: 'openai' },
  '/chat/stream': { prompt: 'hi', model_provider: 'openai' },
  '/chat/batch': { requests: [{ prompt: 'hi' }] },
  '/compete': { prompt: 'hi', contenders: ['openai/sim-instant'] },
  '/feedback': { request_id: 'req_unknown', score: 1 },
  '/admin/arena': { prompt: 'hi', contenders: ['openai/sim-instant'] },
  '/admin/keys': { plan: 'free', name: 'fuzz' },
  '/admin/keys/:id': { name: 'renamed' },
  '/admin/keys/:id/rotate': {},
  '/admin/plans/:name': { requests_per_hour: 10 },
  '/admin/provider-keys': { provider: 'openai', key: 'sk-fuzz-provider-key-0001' },
};

const scalarValues: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  'text',
  '',
  [],
  {},
  [null],
  { '': '' },
  '\u0000',
  '\ud800',
];

/** A JSON object's text with one more member first (`{"a":1}` + `"b":2` → `{"b":2,"a":1}`). */
function withMember(objectText: string, member: string): string {
  if (member === '') return objectText;
  return objectText === '{}' ? `{${member}}` : `{${member},${objectText.slice(1)}`;
}

/** Raw bodies: text that is not (quite) JSON, or JSON that is not an object. */
function rawMutations(valid: string): Array<[string, string | Buffer]> {
  return [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['truncated', valid.slice(0, Math.floor(valid.length / 2))],
    ['truncated at 1', valid.slice(0, 1)],
    ['trailing garbage', `${valid}}`],
    ['bom', `\uFEFF${valid}`],
    ['nul bytes', `${valid.slice(0, -1)},"x":"\u0000\u0000"}`],
    [
      'invalid utf-8',
      Buffer.concat([Buffer.from(valid.slice(0, -2)), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('"}')]),
    ],
    ['array body', `[${valid}]`],
    ['string body', '"just a string"'],
    ['number body', '1e400'],
    ['null body', 'null'],
    ['deep arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['deep objects', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['huge number', withMember(valid, '"max_tokens":123456789012345678901234567890e999')],
    ['duplicate keys', withMember(valid, valid.slice(1, -1))],
    ['proto key', withMember(valid, '"__proto__":{"polluted":true}')],
    ['constructor key', withMember(valid, '"constructor":{"prototype":{"polluted":true}}')],
  ];
}

/**
 * Stands for 10,000 nested arrays, spliced into the JSON text: V8's own JSON.stringify overflows its
 * stack on such a value, so the test cannot build it as an object.
 */
const deepMarker = '__deep__';
const deepText = `${'['.repeat(10_000)}"deep"${']'.repeat(10_000)}`;

/** Structured mutations of a valid body: every field gets every wrong type, plus nested attacks. */
function fieldMutations(valid: Record<string, unknown>, random: () => number): Array<[string, unknown]> {
  const mutations: Array<[string, unknown]> = [];
  for (const field of Object.keys(valid)) {
    for (const value of scalarValues)
      mutations.push([`${field}=${JSON.stringify(value)}`, { ...valid, [field]: value }]);
    mutations.push([`${field} deep`, { ...valid, [field]: deepMarker }]);
    mutations.push([`${field} as array of body`, { ...valid, [field]: [valid] }]);
  }
  // Unknown fields pass through to OpenAI-family upstreams: a deep one must not reach a serializer.
  mutations.push(['unknown deep field', { ...valid, extra_field: deepMarker }]);
  mutations.push([
    'deep content part',
    { ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', extra: deepMarker }] }] },
  ]);
  const huge = 'x'.repeat(5 * 1024 * 1024);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const field = pick(Object.keys(valid).length > 0 ? Object.keys(valid) : ['extra']);
  mutations.push([`${field} 5 MB string`, { ...valid, [field]: huge }]);
  mutations.push([
    'lone surrogates everywhere',
    JSON.parse(JSON.stringify(valid).replace(/"hi"/g, '"\\ud800\\udfff\\udbff hi \\u0000"')),
  ]);
  mutations.push([
    'nested proto',
    JSON.parse(withMember(JSON.stringify(valid), '"metadata":{"__proto__":{"polluted":1}}')),
  ]);
  mutations.push(['messages as object', { ...valid, messages: { role: 'user', content: 'hi' } }]);
  mutations.push([
    'content parts wrong',
    { ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: 5 }, 7, null] }] },
  ]);
  mutations.push(['input items wrong', { ...valid, input: [{ type: 'function_call_output' }, [], 'x'] }]);
  mutations.push(['requests wrong', { ...valid, requests: [null, 1, [], { prompt: [] }] }]);
  return mutations;
}

let simulator: Simulator;
let gateway: Gateway;
let app: FastifyInstance;
const serverErrors: string[] = [];

beforeAll(async () => {
  simulator = await createSimulator({ seed: 9, timeScale: 0.001 });
  const config = loadConfig({
    cwd: mkdtempSync(join(tmpdir(), 'arbiter-fuzz-')),
    env: {
      OPENAI_API_KEY: 'sk-fuzz-upstream-key-0001',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      OPENAI_MODEL: 'sim-instant',
      ARBITER_STORE: 'memory',
      ARBITER_API_KEYS: gatewayKey,
      ARBITER_ADMIN_KEY: adminKey,
      // No MASTER_PASSWORD: a valid provider key is refused quickly instead of costing a scrypt derivation.
      LOG_LEVEL: 'error',
    },
  });
  gateway = await createGateway(config);
  const logger = pino({ level: 'error' }, { write: (line: string) => serverErrors.push(line) });
  app = createServer({ gateway, logger });
  await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await gateway?.close();
  await simulator?.close();
});

function expectClearAnswer(url: string, label: string, status: number, text: string): void {
  const where = `${url} ${label}: ${status} ${text.slice(0, 300)}`;
  expect(status, where).toBeLessThan(500);
  if (status < 400) return;
  const body = JSON.parse(text) as { type?: string; error?: { message?: unknown; type?: unknown } };
  expect(typeof body.error?.message, where).toBe('string');
  expect((body.error!.message as string).length, where).toBeGreaterThan(10);
  // Each route's own format: Anthropic's envelope on /v1/messages, OpenAI's everywhere else.
  if (url.startsWith('/v1/messages')) expect(body.type, where).toBe('error');
}

describe('fuzzing every route that takes a body', () => {
  it('finds the routes to fuzz: every POST, PUT and PATCH', () => {
    const routes = listRegisteredRoutes(app).filter((route) =>
      ['POST', 'PUT', 'PATCH'].includes(route.method),
    );
    for (const route of routes)
      expect(Object.keys(validBodies), `${route.method} ${route.url}`).toContain(route.url);
  });

  it('answers every mutation with a 2xx or a clear 4xx, never a 5xx', { timeout: 120_000 }, async () => {
    const random = createRandom(seed);
    const routes = listRegisteredRoutes(app).filter((route) =>
      ['POST', 'PUT', 'PATCH'].includes(route.method),
    );
    const created = JSON.parse(
      (
        await app.inject({
          method: 'POST',
          url: '/admin/keys',
          headers: { authorization: `Bearer ${adminKey}` },
          payload: { plan: 'free' },
        })
      ).body,
    ) as { id: string };
    let count = 0;
    for (const route of routes) {
      const url = route.url.replace(':id', created.id).replace(':name', 'fuzzplan');
      const headers = {
        authorization: `Bearer ${url.startsWith('/admin') ? adminKey : gatewayKey}`,
        'content-type': 'application/json',
      };
      const valid = validBodies[route.url]!;
      const cases: Array<[string, string | Buffer]> = [
        ...rawMutations(JSON.stringify(valid)),
        ...fieldMutations(valid, random).map(([label, body]): [string, string] => [
          label,
          JSON.stringify(body).replace(`"${deepMarker}"`, deepText),
        ]),
      ];
      for (const [label, payload] of cases) {
        const response = await app.inject({ method: route.method as 'POST', url, headers, payload });
        expectClearAnswer(url, label, response.statusCode, response.body);
        count++;
      }
    }
    expect(count).toBeGreaterThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(serverErrors).toEqual([]);
  });

  it('answers over real HTTP too (wrong lengths, other content types), and stays healthy', async () => {
    const { port } = app.server.address() as AddressInfo;
    const raw = (payload: string, headers: Record<string, string | number>) =>
      new Promise<{ status: number; text: string }>((resolve) => {
        const outgoing = httpRequest(
          { host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', headers },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
          },
        );
        outgoing.on('error', () => resolve({ status: 0, text: '' }));
        outgoing.end(payload);
      });
    const auth = { authorization: `Bearer ${gatewayKey}` };
    const answers = [
      await raw('{"model": "openai/sim-instant"', { ...auth, 'content-type': 'application/json' }),
      await raw('model=x&messages=y', { ...auth, 'content-type': 'application/x-www-form-urlencoded' }),
      await raw('{"model":1}', { ...auth, 'content-type': 'text/plain; charset=utf-16' }),
      await raw('x'.repeat(11 * 1024 * 1024), { ...auth, 'content-type': 'application/json' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect(JSON.parse(answers[3]!.text).error.code).toBe('request_too_large');
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
  });
});
