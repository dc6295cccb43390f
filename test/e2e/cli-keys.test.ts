import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../support/spawn-cli.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

const adminKey = 'arb_admin_cli_keys_test_0000001';
const cwd = mkdtempSync(join(tmpdir(), 'arbiter-cli-keys-'));

let running: RunningGateway;

beforeAll(async () => {
  running = await startGateway({ ARBITER_ADMIN_KEY: adminKey });
});

afterAll(async () => {
  await running?.close();
});

async function arbiter(args: string[], env: Record<string, string> = { ARBITER_ADMIN_KEY: adminKey }) {
  const cli = spawnCli(['keys', ...args], { cwd, env: { ARBITER_URL: running.url, NO_COLOR: '1', ...env } });
  const code = await cli.exited;
  return { code, output: cli.output() };
}

const models = (key: string) =>
  fetch(`${running.url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });

describe('arbiter keys create | list | revoke, a client of the admin API', () => {
  it('creates a key, lists it by prefix only, and revokes it', async () => {
    const created = await arbiter([
      'create',
      '--plan',
      'premium',
      '--name',
      'ci',
      '--metadata',
      'team=search',
      '--budget-per-day',
      '2.5',
      '--models',
      'demo-openai/*,smart',
      '--json',
    ]);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.output) as { id: string; key: string; prefix: string };
    expect(key).toMatchObject({
      id: expect.stringMatching(/^key_/),
      key: expect.stringMatching(/^arb_live_/),
    });
    expect(key).toMatchObject({
      metadata: { team: 'search' },
      budget_per_day_usd: 2.5,
      allowed_models: ['demo-openai/*', 'smart'],
    });
    expect((await models(key.key)).status).toBe(200);

    const [table, revoked] = await Promise.all([arbiter(['list']), arbiter(['revoke', key.id])]);
    expect(table.code).toBe(0);
    expect(table.output).toMatch(/ID\s+PREFIX\s+NAME\s+PLAN/);
    expect(table.output).toContain(key.id);
    expect(table.output).toContain(`${key.prefix}…`);
    expect(table.output).not.toContain(key.key);
    expect(revoked).toEqual({ code: 0, output: `Revoked ${key.id} (${key.prefix}…, plan premium).\n` });
    expect((await models(key.key)).status).toBe(401);
    const listed = await fetch(`${running.url}/admin/keys/${key.id}`, { headers: { 'x-api-key': adminKey } });
    expect(await listed.json()).toMatchObject({ id: key.id, status: 'revoked' });
  });

  it('prints a new key once, readable, and refuses what it cannot do with meaningful exit codes', async () => {
    const [created, wrongKey, noAdminKey, unreachable] = await Promise.all([
      arbiter(['create', '--plan', 'free']),
      arbiter(['list'], { ARBITER_ADMIN_KEY: 'arb_admin_wrong_wrong_wrong_01' }),
      arbiter(['list'], {}),
      arbiter(['list', '--url', 'http://127.0.0.1:9']),
    ]);
    expect(created.code).toBe(0);
    expect(created.output).toMatch(/Store the key now; it is not shown again:\n\n {2}arb_live_\S+\n/);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.output).toContain('401');
    expect(wrongKey.output).not.toContain('arb_admin_wrong');
    expect(noAdminKey.code).toBe(2);
    expect(noAdminKey.output).toContain('pass --admin-key or set ARBITER_ADMIN_KEY');
    expect(unreachable.code).toBe(3);
    expect(unreachable.output).toContain('no gateway at http://127.0.0.1:9');
  });
});

describe('arbiter serve without gateway keys', () => {
  it('refuses a public address with an explanation (exit 2)', async () => {
    const cli = spawnCli(['serve', '--port', '0'], {
      cwd,
      env: { HOST: '0.0.0.0', ARBITER_STORE: 'memory' },
    });
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('Arbiter will not listen on 0.0.0.0: no gateway key is configured');
    expect(cli.output()).toContain('ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS=true');
  });

  it('serves a public address when told to, warning in the banner', async () => {
    const env = { HOST: '0.0.0.0', ARBITER_STORE: 'memory', ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS: 'true' };
    const cli = spawnCli(['serve', '--port', '0'], { cwd, env });
    try {
      const [, port] = await cli.waitFor(/listening on http:\/\/0\.0\.0\.0:(\d+)/);
      await cli.waitFor(/Usage log and conversations/);
      expect(cli.output()).toContain('No gateway key is configured: access is open');
      expect((await fetch(`http://127.0.0.1:${port}/v1/models`)).status).toBe(200);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });

  it('serves a public address once keys are configured, and says they are required', async () => {
    const env = {
      HOST: '0.0.0.0',
      ARBITER_STORE: 'memory',
      ARBITER_API_KEYS: 'arb_test_cli_public_key_0001:free',
    };
    const cli = spawnCli(['serve', '--port', '0'], { cwd, env });
    try {
      const [, port] = await cli.waitFor(/listening on http:\/\/0\.0\.0\.0:(\d+)/);
      await cli.waitFor(/Usage log and conversations/);
      expect(cli.output()).toContain('Gateway keys: required');
      expect((await fetch(`http://127.0.0.1:${port}/v1/models`)).status).toBe(401);
      expect(cli.output()).not.toContain('arb_test_cli_public_key_0001');
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });
});
