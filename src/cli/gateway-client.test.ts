import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGatewayClient,
  GatewayRequestError,
  GatewayUnreachableError,
  InvalidGatewayUrlError,
} from './gateway-client.js';

const seen: Array<{ url?: string; headers: IncomingHttpHeaders; body: string }> = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    seen.push({ url: request.url, headers: request.headers, body });
    if (request.url === '/refused') {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Missing gateway key.', code: 'missing_api_key' } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true }));
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('createGatewayClient', () => {
  it('takes --url over ARBITER_URL, drops a trailing /v1, and sends the key as a Bearer token', async () => {
    const client = createGatewayClient({
      url: `${url}/v1/`,
      env: {
        ARBITER_URL: 'http://elsewhere.invalid',
        ARBITER_ADMIN_KEY: 'ak-admin',
        ARBITER_API_KEY: 'ak-user',
      },
    });
    expect(client.url).toBe(url);
    expect(await client.getJson('/models')).toEqual({ ok: true });
    await (await client.post('/v1/chat/completions', { model: 'auto' })).body.text();
    await client.close();
    expect(seen.at(-2)).toMatchObject({ url: '/models', headers: { authorization: 'Bearer ak-user' } });
    expect(seen.at(-1)).toMatchObject({
      headers: { authorization: 'Bearer ak-user', 'content-type': 'application/json' },
      body: '{"model":"auto"}',
    });
  });

  it('falls back on ARBITER_URL and ARBITER_ADMIN_KEY, and sends no header without a key', async () => {
    const admin = createGatewayClient({ env: { ARBITER_URL: url, ARBITER_ADMIN_KEY: 'ak-admin' } });
    await admin.getJson('/a');
    await admin.close();
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer ak-admin');
    const anonymous = createGatewayClient({ env: { ARBITER_URL: url } });
    await anonymous.getJson('/b');
    await anonymous.close();
    expect(seen.at(-1)!.headers).not.toHaveProperty('authorization');
    expect(createGatewayClient({ env: {} }).url).toBe('http://127.0.0.1:8000');
  });

  it('turns a refusal into the gateway’s message with a hint, never the key', async () => {
    const client = createGatewayClient({ url, apiKey: 'ak-wrong-secret', env: {} });
    const error = await client.getJson('/refused').catch((caught: unknown) => caught);
    await client.close();
    expect(error).toBeInstanceOf(GatewayRequestError);
    expect(error).toMatchObject({ status: 401, code: 'missing_api_key' });
    expect((error as Error).message).toBe(
      'Missing gateway key. (pass --api-key, or set ARBITER_API_KEY, with a key the gateway accepts)',
    );
    expect((error as Error).message).not.toContain('ak-wrong-secret');
  });

  it('says where no gateway answered, and refuses what is not a URL', async () => {
    const client = createGatewayClient({ url: 'http://127.0.0.1:1', env: {} });
    await expect(client.getJson('/models')).rejects.toThrow(
      new GatewayUnreachableError('http://127.0.0.1:1'),
    );
    await client.close();
    expect(createGatewayClient({ url: 'localhost:9000', env: {} }).url).toBe('http://localhost:9000');
    expect(() => createGatewayClient({ url: 'ftp://gateway', env: {} })).toThrow(InvalidGatewayUrlError);
    expect(() => createGatewayClient({ url: 'http://', env: {} })).toThrow(InvalidGatewayUrlError);
  });
});
