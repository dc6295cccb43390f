import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli.js';

// `ARBITER_WORKERS=2 arbiter serve` through the built CLI (dist/): a node:cluster primary and two
// workers on one port, over a fresh SQLite file (migrated once, by the primary, before the workers open it).

let simulator: Simulator;
let cli: SpawnedCli | undefined;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 9, timeScale: 0.01 });
});

afterAll(async () => {
  if (cli && cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  await simulator?.close();
});

/** One chat request on a connection of its own, so the primary hands it to the next worker in turn. */
function chat(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ model: 'openai/sim-instant', messages: [{ role: 'user', content: 'hi' }] });
    const outgoing = request(
      `${url}/v1/chat/completions`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/** Worker pids as the workers announce them. */
const workerPids = (output: string) =>
  [...output.matchAll(/worker (\d+) listening on/g)].map((match) => Number(match[1]));

/** The pids in the request log lines of answered chat requests. */
const answeringPids = (output: string) =>
  new Set(
    output
      .split('\n')
      .filter((line) => line.includes('"/v1/chat/completions"'))
      .map((line) => Number(/"pid":(\d+)/.exec(line)?.[1])),
  );

describe('arbiter serve with ARBITER_WORKERS=2', () => {
  it('serves from both workers on one port, replaces a killed worker, and drains on SIGTERM', async () => {
    cli = spawnCli(['serve', '--port', '0'], {
      cwd: mkdtempSync(join(tmpdir(), 'arbiter-workers-')),
      env: {
        OPENAI_API_KEY: 'sim-openai-key',
        OPENAI_BASE_URL: `${simulator.url}/v1`,
        ARBITER_DEMO: '0',
        ARBITER_WORKERS: '2',
        MAX_RETRY_ATTEMPTS: '0',
        USAGE_FLUSH_INTERVAL_MS: '50',
      },
    });
    const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
    await cli.waitFor(/worker \d+ listening[\s\S]*worker \d+ listening/, 30_000);
    // Without Redis the operator is told exactly what each worker keeps to itself.
    expect(cli.output()).toContain('ARBITER_WORKERS > 1 without REDIS_URL');
    expect(cli.output()).toContain('its own circuit breakers');
    const [firstPid, secondPid] = workerPids(cli.output());
    expect(firstPid).not.toBe(secondPid);

    const statuses = [];
    for (let index = 0; index < 8; index++) statuses.push(await chat(url!));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await cli.waitFor(/("\/v1\/chat\/completions"[^\n]*\n[\s\S]*){8}/);
    expect(answeringPids(cli.output())).toEqual(new Set([firstPid, secondPid]));

    // `/metrics` on any worker counts the whole group's requests.
    const counted = async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      return [...text.matchAll(/^llm_requests_total\{[^}]*status="200"[^}]*\} (\d+)/gm)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    };
    const deadline = Date.now() + 5_000;
    while ((await counted()) !== 8 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await counted()).toBe(8);

    process.kill(firstPid!, 'SIGKILL');
    await cli.waitFor(new RegExp(`worker ${firstPid} exited \\(SIGKILL\\); starting a replacement`));
    await cli.waitFor(/worker \d+ listening[\s\S]*worker \d+ listening[\s\S]*worker \d+ listening/, 30_000);
    const replacement = workerPids(cli.output())[2];
    expect([firstPid, secondPid]).not.toContain(replacement);
    expect(await chat(url!)).toBe(200);

    // Like Ctrl-C or a service manager: the primary and a worker both get the signal; the worker gets the
    // primary's stop message too, and still drains once rather than taking it as a second signal.
    cli.child.kill('SIGTERM');
    process.kill(secondPid!, 'SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output()).not.toContain('second signal');
    expect(cli.output().match(/"msg":"stopped"/g)).toHaveLength(2);
  });
});
