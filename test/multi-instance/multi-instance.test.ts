import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli.js';
import { startPostgres, type PostgresServer } from '../support/start-postgres.js';
import { startRedis, type RedisServer } from '../support/start-redis.js';

// Issue "Running many instances": three real `arbiter serve` processes (dist/) on one Redis, one
// PostgreSQL and the simulator (in this process). Everything here is real processes and sockets, so
// waits are real, and every one of them polls for a condition with a deadline.

const adminKey = 'arb_admin_multi_instance_000000001';
const freeKey = 'arb_test_multi_free_key_000000001';
const loadKey = 'arb_test_multi_load_key_000000001';
/** The usage recorder's and the Redis buffer's flush interval: the documented loss bound of a kill -9. */
const flushIntervalInMs = 200;

let simulator: Simulator;
let redis: RedisServer;
let postgres: PostgresServer;
let instances: Array<{ cli: SpawnedCli; url: string }> = [];

async function serve(databaseUrl: string, cwd: string) {
  const cli = spawnCli(['serve', '--port', '0'], {
    cwd,
    env: {
      OPENAI_API_KEY: 'sim-openai-key',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      ARBITER_DEMO: '0',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '3',
      REDIS_URL: redis.url,
      // Explicit: with Redis the default is one worker per core; here each instance is one process.
      ARBITER_WORKERS: '1',
      CACHE_ENABLED: 'true',
      MAX_RETRY_ATTEMPTS: '0',
      FREE_REQUESTS_PER_HOUR: '60',
      ARBITER_API_KEYS: `${freeKey}:free,${loadKey}:enterprise`,
      ARBITER_ADMIN_KEY: adminKey,
      // Long, so only the message between instances can explain a revocation seen within a second.
      ARBITER_KEY_CACHE_TTL_MS: '60000',
      USAGE_FLUSH_INTERVAL_MS: String(flushIntervalInMs),
      LOG_LEVEL: 'warn',
    },
  });
  const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
  return { cli, url: url! };
}

beforeAll(async () => {
  [simulator, redis, postgres] = await Promise.all([
    createSimulator({ seed: 11, timeScale: 0.01 }),
    startRedis(),
    startPostgres(),
  ]);
  const cwd = mkdtempSync(join(tmpdir(), 'arbiter-multi-instance-'));
  writeFileSync(join(cwd, 'arbiter.yaml'), 'routes:\n  duo: [openai/sim-broken, openai/sim-instant]\n');
  instances = await Promise.all([0, 1, 2].map(() => serve(postgres.url, cwd)));
}, 90_000);

afterAll(async () => {
  for (const { cli } of instances)
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  await simulator?.close();
  await redis?.close();
  await postgres?.close();
});

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code?: string; message?: string } };
}

async function chat(url: string, key: string, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ model: 'openai/sim-instant', max_tokens: 20, ...body }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

const ask = (content: string) => ({ messages: [{ role: 'user', content }] });

async function admin<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** Polls `check` (which throws until its condition holds) until it passes or `timeoutInMs` is over. */
async function eventually<T>(check: () => Promise<T>, timeoutInMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutInMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('three gateway processes on one Redis and one PostgreSQL', () => {
  it('admits exactly 60 of 300 concurrent requests spread over the three on a 60-requests/hour key', async () => {
    simulator.reset();
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, index) =>
        chat(instances[index % 3]!.url, freeKey, ask(`tides ${index}`)),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(60);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(240);
    expect(refused[0]!.body.error?.code).toBe('requests_per_hour_exceeded');
    // Every instance admitted some: the limit is one counter, not three.
    for (const instance of instances) {
      const admitted = answers.filter(
        (answer, index) => answer.status === 200 && index % 3 === instances.indexOf(instance),
      );
      expect(admitted.length).toBeGreaterThan(0);
    }
    expect(simulator.stats().byModel['sim-instant']).toBe(60);
  });

  it('refuses a key revoked through one instance on the others within a second', async () => {
    const [first, second, third] = instances as [
      (typeof instances)[0],
      (typeof instances)[0],
      (typeof instances)[0],
    ];
    const created = await admin<{ id: string; key: string }>(first.url, 'POST', '/admin/keys', {
      name: 'revoked-soon',
      plan: 'enterprise',
    });
    // Used on the others first, so their authenticators hold the key's lookup in their cache.
    for (const instance of [second, third])
      expect((await chat(instance.url, created.key, ask('before revocation'))).status).toBe(200);
    await admin(first.url, 'DELETE', `/admin/keys/${created.id}`);
    const revokedAt = Date.now();
    for (const instance of [second, third]) {
      const refused = await eventually(async () => {
        const answer = await chat(instance.url, created.key, ask('after revocation'));
        expect(answer.status).toBe(401);
        return answer;
      }, 1_000);
      expect(refused.body.error?.message).not.toContain(created.key);
    }
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
  });

  it('avoids on every instance a target tripped on one, and the learned statistics converge', async () => {
    simulator.setProfile('sim-broken', { errorRate: 1, errorStatus: 500 });
    const [first, ...others] = instances;
    // Five failures in a row open sim-broken's breaker on the first instance; each request still gets
    // its answer from sim-instant, the route's second target.
    for (let index = 0; index < 6; index++)
      expect((await chat(first!.url, loadKey, { model: 'duo', ...ask(`trip ${index}`) })).status).toBe(200);
    expect(simulator.stats().byModel['sim-broken']).toBe(5);

    // Learned statistics: every instance sees every attempt, so all agree on the numbers and the order.
    type Performance = { targets: Array<{ model: string; requests: number; failures: number }> };
    const summarize = (report: Performance) =>
      report.targets.map((row) => `${row.model}:${row.requests}:${row.failures}`);
    const views = await eventually(async () => {
      const reports = await Promise.all(
        instances.map((instance) => admin<Performance>(instance.url, 'GET', '/performance?route=duo')),
      );
      expect(summarize(reports[1]!)).toEqual(summarize(reports[0]!));
      expect(summarize(reports[2]!)).toEqual(summarize(reports[0]!));
      return reports;
    });
    for (const report of views) {
      expect(report.targets[0]!.model).toBe('sim-instant');
      expect(report.targets.find((row) => row.model === 'sim-broken')!.failures).toBeGreaterThanOrEqual(5);
    }

    // The others got the same outcomes, so their breakers are open too: they never call sim-broken.
    for (const instance of others)
      for (let index = 0; index < 3; index++) {
        const answer = await chat(instance.url, loadKey, { model: 'duo', ...ask(`probe ${index}`) });
        expect(answer.status).toBe(200);
        expect(answer.headers.get('x-arbiter-model')).toBe('sim-instant');
      }
    expect(simulator.stats().byModel['sim-broken']).toBe(5);
  });

  it('serves a cached answer on every instance after one of them answered it', async () => {
    const client = new Redis(redis.url);
    try {
      const question = ask('What is the capital of the cached kingdom?');
      const miss = await chat(instances[0]!.url, loadKey, question);
      expect(miss.headers.get('x-arbiter-cache')).toBe('miss');
      const before = simulator.stats().byModel['sim-instant'];
      // The answer is saved after it was sent: wait until it is in Redis, then ask the others.
      await eventually(async () => expect((await client.keys('arbiter:cache:*')).length).toBeGreaterThan(0));
      for (const instance of instances.slice(1)) {
        const hit = await chat(instance.url, loadKey, question);
        expect(hit.status).toBe(200);
        expect(hit.headers.get('x-arbiter-cache')).toBe('hit');
        expect(hit.headers.get('x-arbiter-model')).toBe('sim-instant');
      }
      expect(simulator.stats().byModel['sim-instant']).toBe(before);
    } finally {
      client.disconnect();
    }
  });

  it('keeps serving when one instance is killed mid-load, losing no usage record beyond the bound', async () => {
    const [, second, victim] = instances as [
      (typeof instances)[0],
      (typeof instances)[0],
      (typeof instances)[0],
    ];
    const answered: Array<{ instance: number; requestId: string; at: number }> = [];
    let killedAt = Number.POSITIVE_INFINITY;
    const worker = async (instance: number, count: number) => {
      for (let index = 0; index < count; index++) {
        try {
          const answer = await chat(instances[instance]!.url, loadKey, {
            cache: false,
            ...ask(`load ${instance} ${index}`),
          });
          if (answer.status === 200)
            answered.push({ instance, requestId: answer.headers.get('x-request-id')!, at: Date.now() });
          else if (instance !== 2) throw new Error(`instance ${instance} answered ${answer.status}`);
        } catch (error) {
          // Only the killed instance may fail its callers.
          if (instance !== 2) throw error;
        }
        if (instance === 2 && index === 15) {
          killedAt = Date.now();
          victim.cli.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2].flatMap((instance) => [worker(instance, 30), worker(instance, 30)]));
    await victim.cli.exited;
    const bySurvivors = answered.filter((entry) => entry.instance !== 2);
    expect(bySurvivors).toHaveLength(120);
    const byVictim = answered.filter((entry) => entry.instance === 2);
    expect(byVictim.length).toBeGreaterThan(0);

    // The survivors' recorders flush every 200 ms, and the Redis buffer moves it all into PostgreSQL.
    type Page = { data: Array<{ request_id: string }>; next_cursor: string | null };
    const stored = await eventually(async () => {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: Page = await admin<Page>(
          second.url,
          'GET',
          `/usage/requests?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        );
        page.data.forEach((record) => ids.add(record.request_id));
        cursor = page.next_cursor;
      } while (cursor);
      for (const entry of bySurvivors) expect(ids.has(entry.requestId), entry.requestId).toBe(true);
      return ids;
    });
    // The killed instance loses at most what its recorder still held: answers of its last flush interval
    // and of the flush under way (building a batch counts tokens; on a loaded machine that takes a while).
    const lost = byVictim.filter((entry) => !stored.has(entry.requestId));
    for (const entry of lost) expect(killedAt - entry.at).toBeLessThanOrEqual(flushIntervalInMs * 5);
    expect(byVictim.length - lost.length).toBeGreaterThan(0);
  });
});
