import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

const adminKey = 'arb_admin_provider_keys_test_0001';
const masterPassword = 'provider keys master password';
const configuredKey = 'sim-configured-openai-key';
const addedKey = 'sk-added-through-admin-api-0123456789';

let simulator: Simulator;
let dataDir: string;
let running: RunningGateway;

function environment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    OPENAI_API_KEY: configuredKey,
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    OPENAI_MODEL: 'sim-instant',
    ARBITER_ADMIN_KEY: adminKey,
    MASTER_PASSWORD: masterPassword,
    ARBITER_STORE: 'sqlite',
    ARBITER_DATA_DIR: dataDir,
    ...overrides,
  };
}

async function call(url: string, method: string, path: string, body?: unknown, key = adminKey) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The keys the simulator saw on `count` chat requests through the gateway. */
async function keysUsed(url: string, count: number): Promise<Set<string>> {
  simulator.reset();
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/sim-instant', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(200);
  }
  return new Set(simulator.requests.map((request) => String(request.headers.authorization)));
}

beforeAll(async () => {
  simulator = await createSimulator({ seed: 3, timeScale: 0.01 });
  dataDir = mkdtempSync(join(tmpdir(), 'arbiter-provider-keys-'));
  running = await startGateway(environment());
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

describe('/admin/provider-keys', () => {
  it('is behind the admin key', async () => {
    expect(
      (await call(running.url, 'GET', '/admin/provider-keys', undefined, 'not-the-admin-key')).status,
    ).toBe(401);
    const refused = await call(
      running.url,
      'POST',
      '/admin/provider-keys',
      { provider: 'openai', key: addedKey },
      '',
    );
    expect(refused.status).toBe(401);
  });

  it('stores a key encrypted and puts it in the pool at once; the list shows no key', async () => {
    const created = await call(running.url, 'POST', '/admin/provider-keys', {
      provider: 'openai',
      key: addedKey,
      weight: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^openai#[0-9a-f]{8}$/),
      object: 'provider_key',
      provider: 'openai',
      weight: 2,
      created_at: expect.any(Number),
    });
    const [stored] = await running.gateway.stores.providerKeys.list();
    expect(stored!.encryptedKey).toMatch(/^enc:v1:n16r8p2:/);
    expect(stored!.encryptedKey).not.toContain(addedKey);

    const listed = await call(running.url, 'GET', '/admin/provider-keys');
    expect(listed.body).toEqual({ object: 'list', data: [created.body] });
    expect(JSON.stringify(listed.body)).not.toContain(addedKey);
    expect(await keysUsed(running.url, 4)).toEqual(
      new Set([`Bearer ${configuredKey}`, `Bearer ${addedKey}`]),
    );
  });

  it('joins the pool again after a restart, and stops start-up with a wrong master password', async () => {
    await running.close();
    running = await startGateway(environment());
    expect(await keysUsed(running.url, 4)).toContain(`Bearer ${addedKey}`);
    await expect(startGateway(environment({ MASTER_PASSWORD: 'a different password' }))).rejects.toThrow(
      /stored provider key openai#[0-9a-f]{8}: the master password is wrong or the value was tampered with/,
    );
  });

  it('removes a key from the store and the pool', async () => {
    const [stored] = await running.gateway.stores.providerKeys.list();
    const deleted = await call(
      running.url,
      'DELETE',
      `/admin/provider-keys/${encodeURIComponent(stored!.id)}`,
    );
    expect(deleted).toEqual({ status: 200, body: { id: stored!.id, object: 'provider_key', deleted: true } });
    expect(await keysUsed(running.url, 4)).toEqual(new Set([`Bearer ${configuredKey}`]));
    const again = await call(running.url, 'DELETE', `/admin/provider-keys/${encodeURIComponent(stored!.id)}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses an unconfigured provider, a key that could smuggle a header, and unknown fields', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ provider: 'mistral', key: addedKey }, 'provider_not_configured', 'provider'],
      [{ provider: 'openai', key: 'sk-abc\r\nx-injected: 1' }, 'invalid_value', 'key'],
      [{ provider: 'openai', key: 'sk with spaces in it' }, 'invalid_value', 'key'],
      [
        { provider: 'openai', key: addedKey, baseUrl: 'http://169.254.169.254' },
        'unknown_parameter',
        'baseUrl',
      ],
      [{ provider: 'openai', key: addedKey, weight: -1 }, 'invalid_value', 'weight'],
    ];
    for (const [body, code, param] of cases) {
      const refused = await call(running.url, 'POST', '/admin/provider-keys', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body).toMatchObject({ error: { code, param } });
    }
  });

  it('refuses to store anything without a master password, saying how to configure one', async () => {
    const withoutPassword = await startGateway({
      ...environment({ ARBITER_STORE: 'memory' }),
      MASTER_PASSWORD: '',
    });
    try {
      const refused = await call(withoutPassword.url, 'POST', '/admin/provider-keys', {
        provider: 'openai',
        key: addedKey,
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        error: {
          code: 'master_password_not_configured',
          message: expect.stringContaining('MASTER_PASSWORD'),
        },
      });
      expect(await withoutPassword.gateway.stores.providerKeys.list()).toEqual([]);
    } finally {
      await withoutPassword.close();
    }
  });
});
