import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli.js';
import { startPostgres, type PostgresServer } from '../support/start-postgres.js';

// The real `arbiter serve` process (dist/) with nothing but DATABASE_URL pointing at a throwaway
// PostgreSQL server, and the simulator (in this process) as the upstream.

let simulator: Simulator;
let postgres: PostgresServer;
const started: SpawnedCli[] = [];

beforeAll(async () => {
  [simulator, postgres] = await Promise.all([createSimulator({ seed: 5, timeScale: 0.05 }), startPostgres()]);
});

afterAll(async () => {
  for (const cli of started)
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  await simulator?.close();
  await postgres?.close();
});

async function serve(databaseUrl: string) {
  const cli = spawnCli(['serve', '--port', '0'], {
    cwd: mkdtempSync(join(tmpdir(), 'arbiter-postgres-process-')),
    env: {
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      ARBITER_DEMO: '0',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '3',
      MAX_RETRY_ATTEMPTS: '0',
    },
  });
  started.push(cli);
  const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return { cli, url: url! };
}

describe('a real arbiter process with DATABASE_URL', () => {
  it('keeps its usage log in PostgreSQL across a restart, and never prints the password', async () => {
    // The throwaway server trusts every local connection, so any password opens it.
    const databaseUrl = postgres.url.replace('postgres@', 'postgres:hunter22@');
    const first = await serve(databaseUrl);
    await first.cli.waitFor(/Usage log and conversations: PostgreSQL at/);
    expect(first.cli.output()).toContain(
      `Usage log and conversations: PostgreSQL at postgres://postgres:***@127.0.0.1:${postgres.port}/arbiter (pool of 3)`,
    );
    const client = new OpenAI({ baseURL: `${first.url}/v1`, apiKey: 'unused', maxRetries: 0 });
    await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
    first.cli.child.kill('SIGTERM');
    expect(await first.cli.exited).toBe(0);

    const second = await serve(databaseUrl);
    const usage = (await (await fetch(`${second.url}/usage`)).json()) as { totals: { requests: number } };
    expect(usage.totals.requests).toBe(1);
    second.cli.child.kill('SIGTERM');
    expect(await second.cli.exited).toBe(0);
    for (const cli of [first.cli, second.cli]) expect(cli.output()).not.toContain('hunter22');
  });
});
