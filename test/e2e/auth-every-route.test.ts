import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { listRegisteredRoutes } from '../../src/server/auth/register-tenancy.js';
import { getRouteAccess } from '../../src/server/auth/route-access.js';
import { createServer } from '../../src/server/create-server.js';

const apiKey = 'arb_test_every_route_key_0001';
const adminKey = 'arb_admin_every_route_key_0001';

let gateway: Gateway;
let app: FastifyInstance;

beforeAll(async () => {
  const config = loadConfig({
    cwd: mkdtempSync(join(tmpdir(), 'arbiter-auth-')),
    env: {
      LOG_LEVEL: 'silent',
      ARBITER_STORE: 'memory',
      ARBITER_API_KEYS: `${apiKey}:premium`,
      ARBITER_ADMIN_KEY: adminKey,
    },
  });
  gateway = await createGateway(config);
  app = createServer({ gateway, logger: pino({ level: 'silent' }) });
  // A route added later, by anyone, without a word about auth: the walk below must find it protected.
  app.post('/v1/some-future-endpoint', async () => ({ answered: true }));
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await gateway?.close();
});

/** A URL that reaches the route: parameters and wildcards filled with something. */
const toUrl = (pattern: string) => pattern.replace(/:[A-Za-z_]+/g, 'x').replace('*', 'x/status');

const isAnthropic = (url: string) => url.startsWith('/v1/messages');

function expectUnauthorized(
  url: string,
  response: { statusCode: number; json(): unknown },
  code: 'missing_api_key' | 'invalid_api_key',
) {
  expect(response.statusCode, url).toBe(401);
  if (isAnthropic(url)) {
    expect(response.json(), url).toMatchObject({
      type: 'error',
      error: { type: 'authentication_error', message: expect.any(String) },
    });
  } else {
    expect(response.json(), url).toEqual({
      error: { message: expect.any(String), type: 'invalid_request_error', param: null, code },
    });
  }
}

describe('authentication on every registered route', () => {
  it('sees the whole HTTP surface, the late route included', () => {
    const urls = listRegisteredRoutes(app).map((route) => `${route.method} ${route.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'POST /v1/chat/completions',
        'POST /v1/messages',
        'POST /v1/responses',
        'POST /chat/batch',
        'GET /usage',
        'POST /admin/keys',
        'GET /admin/overview',
        'GET /admin/providers',
        'GET /admin/usage/keys',
        'POST /admin/arena',
        'GET /health',
        'POST /v1/some-future-endpoint',
      ]),
    );
  });

  it('refuses every route not declared public without a key, or with a wrong one, in its own format', async () => {
    const routes = listRegisteredRoutes(app);
    let checked = 0;
    for (const route of routes) {
      const url = toUrl(route.url);
      const method = route.method as 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const access = getRouteAccess(route.url);
      if (access === 'public') continue;
      const body = method === 'GET' || method === 'HEAD' ? undefined : { model: 'auto', messages: [] };
      const anonymous = await app.inject({ method, url, payload: body });
      if (method === 'HEAD') expect(anonymous.statusCode, url).toBe(401);
      else expectUnauthorized(url, anonymous, 'missing_api_key');
      const wrongKey = access === 'key' ? 'arb_live_not_a_key_of_this_gateway' : apiKey;
      const wrong = await app.inject({ method, url, payload: body, headers: { 'x-api-key': wrongKey } });
      if (method === 'HEAD') expect(wrong.statusCode, url).toBe(401);
      else expectUnauthorized(url, wrong, 'invalid_api_key');
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('answers public routes without any key', async () => {
    for (const route of listRegisteredRoutes(app).filter((entry) => getRouteAccess(entry.url) === 'public')) {
      const response = await app.inject({ method: route.method as 'GET', url: route.url });
      expect(response.statusCode, route.url).toBe(200);
    }
  });

  it('lets a valid key through as Bearer or X-API-Key, and the admin key through /admin and the dashboard reads only', async () => {
    const bearer = await app.inject({ url: '/v1/models', headers: { authorization: `Bearer ${apiKey}` } });
    expect(bearer.statusCode).toBe(200);
    const header = await app.inject({ url: '/v1/models', headers: { 'x-api-key': apiKey } });
    expect(header.statusCode).toBe(200);
    const late = await app.inject({
      method: 'POST',
      url: '/v1/some-future-endpoint',
      headers: { 'x-api-key': apiKey },
    });
    expect(late.json()).toEqual({ answered: true });
    const admin = await app.inject({ url: '/admin/keys', headers: { authorization: `Bearer ${adminKey}` } });
    expect(admin.statusCode).toBe(200);
    const adminAsKey = await app.inject({ url: '/v1/models', headers: { 'x-api-key': adminKey } });
    expect(adminAsKey.statusCode).toBe(401);
    // The dashboard's reads of key routes: the admin key sees the whole log and the learned statistics.
    for (const url of ['/usage/requests', '/performance', '/models']) {
      const dashboardRead = await app.inject({ url, headers: { authorization: `Bearer ${adminKey}` } });
      expect(dashboardRead.statusCode, url).toBe(200);
    }
    const adminOnUsage = await app.inject({
      url: '/usage',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(adminOnUsage.statusCode).toBe(401);
  });

  it("reads the dashboard's API with the admin key, while the mutating admin routes stay admin-only", async () => {
    for (const url of ['/admin/overview', '/admin/providers', '/admin/usage/keys', '/admin/arena']) {
      expect(getRouteAccess(url), url).toBe('operations');
    }
    for (const url of ['/admin/keys', '/admin/keys/:id', '/admin/plans/:name', '/admin/provider-keys']) {
      expect(getRouteAccess(url), url).toBe('admin');
    }
    for (const url of ['/admin/overview', '/admin/providers', '/admin/usage/keys']) {
      const response = await app.inject({ url, headers: { authorization: `Bearer ${adminKey}` } });
      expect(response.statusCode, url).toBe(200);
    }
  });

  it('answers Anthropic SDK callers with Anthropic errors on /v1/messages and count_tokens', async () => {
    for (const url of ['/v1/messages', '/v1/messages/count_tokens']) {
      const response = await app.inject({ method: 'POST', url, payload: { model: 'auto', max_tokens: 5 } });
      expect(response.headers['request-id']).toBeDefined();
      expectUnauthorized(url, response, 'missing_api_key');
    }
  });
});
