import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardContentSecurityPolicy, registerDashboard } from './dashboard.js';

const indexHtml =
  '<!doctype html><title>Arbiter</title><script type="module" src="/ui/assets/app-ABC123.js"></script>';
const script = `console.log(${JSON.stringify('dashboard '.repeat(300))});`;

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

function makeBuild(): string {
  const directory = mkdtempSync(join(tmpdir(), 'arbiter-dashboard-'));
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'index.html'), indexHtml);
  writeFileSync(join(directory, 'assets', 'app-ABC123.js'), script);
  writeFileSync(join(directory, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return directory;
}

async function serve(directory: string): Promise<FastifyInstance> {
  app = Fastify();
  registerDashboard(app, { directory });
  await app.ready();
  return app;
}

describe('GET /ui', () => {
  it('serves index.html at /ui, /ui/ and any client-side path, never cached, under a strict CSP', async () => {
    const server = await serve(makeBuild());
    for (const url of ['/ui', '/ui/', '/ui/requests/req_1', '/ui?from=cli']) {
      const response = await server.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(indexHtml);
      expect(response.headers, url).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': dashboardContentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
    }
    expect(dashboardContentSecurityPolicy).toContain("default-src 'self'");
  });

  it('serves hashed assets for a year, gzipped for browsers that accept it', async () => {
    const server = await serve(makeBuild());
    const plain = await server.inject({ url: '/ui/assets/app-ABC123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(script);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();

    const gzipped = await server.inject({
      url: '/ui/assets/app-ABC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('accept-encoding');
    expect(gzipped.rawPayload.length).toBeLessThan(script.length / 5);
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);

    const icon = await server.inject({ url: '/ui/favicon.svg' });
    expect(icon.headers).toMatchObject({
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=3600',
    });
  });

  it('answers 404 for a missing asset rather than HTML in place of a script', async () => {
    const server = await serve(makeBuild());
    const response = await server.inject({ url: '/ui/assets/app-OLD999.js' });
    expect(response.statusCode).toBe(404);
  });

  it('reads the build once, at start: files changed afterwards are not served', async () => {
    const directory = makeBuild();
    const server = await serve(directory);
    writeFileSync(join(directory, 'index.html'), '<p>changed</p>');
    rmSync(join(directory, 'assets'), { recursive: true });
    expect((await server.inject({ url: '/ui' })).body).toBe(indexHtml);
    expect((await server.inject({ url: '/ui/assets/app-ABC123.js' })).body).toBe(script);
  });

  it('answers 503 with a page saying how to build when there is no build', async () => {
    const server = await serve(join(tmpdir(), 'arbiter-no-dashboard-here'));
    for (const url of ['/ui', '/ui/assets/app.js', '/ui/overview']) {
      const response = await server.inject({ url });
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('npm run build');
    }
  });
});
