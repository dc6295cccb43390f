import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

const adminKey = 'arb_admin_admin_api_test_000001';
const listedKey = 'arb_test_listed_in_env_key_0001';

let simulator: Simulator;
let running: RunningGateway;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 4, timeScale: 0.01 });
  running = await startGateway({
    OPENAI_API_KEY: 'sim-openai-key',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    OPENAI_MODEL: 'sim-instant',
    ARBITER_ADMIN_KEY: adminKey,
    ARBITER_API_KEYS: listedKey,
  });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

interface KeyJson {
  id: string;
  key?: string;
  prefix: string;
  plan: string;
  name: string | null;
  status: string;
  source: string;
  budget_per_day_usd: number | null;
  allowed_models: string[] | null;
  metadata: Record<string, string>;
  rotated_from?: KeyJson;
}

async function call<T>(method: string, path: string, body?: unknown, key = adminKey) {
  const response = await fetch(`${running.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as T & { error?: { code: string; message: string } },
  };
}

const models = (key: string) => fetch(`${running.url}/v1/models`, { headers: { 'x-api-key': key } });

describe('the admin keys API', () => {
  it('creates a key shown once, stores only its hash, and the key works at once', async () => {
    const created = await call<KeyJson>('POST', '/admin/keys', {
      name: 'ci runner',
      plan: 'premium',
      budget_per_day_usd: 2.5,
      allowed_models: ['openai/*'],
      metadata: { team: 'search' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^key_/),
      key: expect.stringMatching(/^arb_live_[A-Za-z0-9_-]{32}$/),
      plan: 'premium',
      name: 'ci runner',
      status: 'active',
      source: 'stored',
      budget_per_day_usd: 2.5,
      allowed_models: ['openai/*'],
      metadata: { team: 'search' },
    });
    expect(created.body.key!.startsWith(created.body.prefix)).toBe(true);
    expect((await models(created.body.key!)).status).toBe(200);

    const stored = await running.gateway.stores.gatewayKeys.get(created.body.id);
    expect(JSON.stringify(stored)).not.toContain(created.body.key);
    const listed = await call<{ data: KeyJson[] }>('GET', '/admin/keys');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(JSON.stringify(listed.body)).not.toContain(stored!.hash);
    expect(listed.body.data.map((key) => key.source)).toEqual(
      expect.arrayContaining(['configured', 'stored']),
    );
    const one = await call<KeyJson & { usage: object }>('GET', `/admin/keys/${created.body.id}`);
    expect(one.body.usage).toEqual({
      requests_this_hour: 0,
      tokens_today: 0,
      cost_today_usd: 0,
      cost_this_month_usd: 0,
    });
  });

  it('revokes a key, which is refused on its very next request', async () => {
    const { body } = await call<KeyJson>('POST', '/admin/keys', { plan: 'free' });
    expect((await models(body.key!)).status).toBe(200);
    const revoked = await call<KeyJson>('DELETE', `/admin/keys/${body.id}`);
    expect(revoked.body).toMatchObject({ id: body.id, status: 'revoked' });
    const refused = await models(body.key!);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      error: { code: 'invalid_api_key', message: `The API key ${body.id} was revoked.` },
    });
    expect((await call('DELETE', `/admin/keys/${body.id}`)).status).toBe(200);
  });

  it('rotates a key: same settings, new secret, the old one revoked', async () => {
    const { body } = await call<KeyJson>('POST', '/admin/keys', {
      plan: 'premium',
      name: 'rotating',
      metadata: { a: 'b' },
    });
    const rotated = await call<KeyJson>('POST', `/admin/keys/${body.id}/rotate`);
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({
      plan: 'premium',
      name: 'rotating',
      metadata: { a: 'b' },
      status: 'active',
    });
    expect(rotated.body.id).not.toBe(body.id);
    expect(rotated.body.rotated_from).toMatchObject({ id: body.id, status: 'revoked' });
    expect((await models(body.key!)).status).toBe(401);
    expect((await models(rotated.body.key!)).status).toBe(200);
    expect((await call('POST', `/admin/keys/${body.id}/rotate`)).body.error?.code).toBe('conflict');
  });

  it('updates plan, budgets, models and metadata; null gives a field back to the plan', async () => {
    const { body } = await call<KeyJson>('POST', '/admin/keys', { plan: 'free', budget_per_day_usd: 1 });
    const updated = await call<KeyJson>('PATCH', `/admin/keys/${body.id}`, {
      plan: 'enterprise',
      budget_per_day_usd: null,
      allowed_models: ['openai/sim-instant'],
      metadata: { owner: 'ana' },
    });
    expect(updated.body).toMatchObject({
      plan: 'enterprise',
      budget_per_day_usd: null,
      allowed_models: ['openai/sim-instant'],
      metadata: { owner: 'ana' },
    });
  });

  it('puts custom plans that keys use from their next request', async () => {
    const put = await call('PUT', '/admin/plans/gold', { requests_per_hour: 1, priority: 7 });
    expect(put.body).toMatchObject({
      name: 'gold',
      requests_per_hour: 1,
      tokens_per_day: null,
      priority: 7,
      source: 'stored',
    });
    expect((await call('GET', '/admin/plans/gold')).body).toMatchObject({
      name: 'gold',
      requests_per_hour: 1,
    });
    const plans = await call<{ data: Array<{ name: string; source: string }> }>('GET', '/admin/plans');
    expect(plans.body.data.map((plan) => plan.name)).toEqual(['enterprise', 'free', 'gold', 'premium']);
    const { body } = await call<KeyJson>('POST', '/admin/keys', { plan: 'gold' });
    const send = () =>
      fetch(`${running.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': body.key! },
        body: JSON.stringify({ model: 'openai/sim-instant', messages: [{ role: 'user', content: 'Hi' }] }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(429);
    await call('PUT', '/admin/plans/gold', { requests_per_hour: 5 });
    expect((await send()).status).toBe(200);
  });

  it('explains invalid requests with stable codes', async () => {
    expect((await call('POST', '/admin/keys', { plan: 'platinum' })).body.error).toMatchObject({
      code: 'invalid_value',
      message: expect.stringContaining('The plan "platinum" does not exist'),
    });
    expect((await call('POST', '/admin/keys', { plan: 'free', colour: 'red' })).body.error?.code).toBe(
      'unknown_parameter',
    );
    expect((await call('GET', '/admin/keys/key_missing')).status).toBe(404);
    const listed = await call<{ data: KeyJson[] }>('GET', '/admin/keys');
    const configured = listed.body.data.find((key) => key.source === 'configured')!;
    expect((await call('DELETE', `/admin/keys/${configured.id}`)).body.error?.message).toContain(
      'ARBITER_API_KEYS',
    );
    expect((await call('GET', '/admin/keys', undefined, listedKey)).status).toBe(401);
  });
});
