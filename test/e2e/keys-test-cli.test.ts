import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores } from '../../src/gateway/create-stores.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCli } from '../support/spawn-cli.js';

/** `arbiter keys test`, the built CLI against the simulator: summary, report file, exit codes, seeding. */
let simulator: Simulator;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 3, timeScale: 0.2 });
});

afterAll(async () => {
  await simulator?.close();
});

const keys = {
  good: 'sim-openai-good-key-1',
  invalid: 'sim-openai-invalid-key-2',
  groq: 'sim-groq-key',
};

function environment(dataDir: string): Record<string, string> {
  return {
    OPENAI_API_KEYS: `${keys.good},${keys.invalid}`,
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    OPENAI_MODEL: 'sim-fast',
    GROQ_API_KEY: keys.groq,
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    GROQ_MODEL: 'sim-fast',
    ARBITER_DATA_DIR: dataDir,
  };
}

describe('arbiter keys test', () => {
  it('tests every key, reports the failing one by id, writes the report, seeds learning, and exits 1', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'arbiter-keys-test-'));
    const dataDir = join(cwd, 'data');
    const cli = spawnCli(['keys', 'test', '--limit', '1', '--concurrency', '2', '--out', 'report.json'], {
      cwd,
      env: environment(dataDir),
    });
    expect(await cli.exited).toBe(1);
    const output = cli.output();
    expect(output).toContain('Testing keys: 3/3 (100%)');
    expect(output).toMatch(/Tested 3 key × model pairs of 3 keys in [\d.]+ s: 2 passed, 1 failed\./);
    expect(output).toMatch(/Fastest: (openai|groq)\/sim-fast with (openai|groq)#\w+/);
    expect(output).toMatch(/Failures:\n {2}openai#\w+ × openai\/sim-fast: auth \(401\)/);
    for (const key of Object.values(keys)) expect(output).not.toContain(key);

    const text = readFileSync(join(cwd, 'report.json'), 'utf8');
    for (const key of Object.values(keys)) expect(text).not.toContain(key);
    const report = JSON.parse(text) as {
      summary: { total: number; passed: number; failed: number; keys: number };
      results: Array<{
        provider: string;
        key_id: string;
        target: string;
        ok: boolean;
        ttft_ms: number | null;
        error: unknown;
      }>;
      seeded: number;
    };
    expect(report.summary).toMatchObject({ total: 3, passed: 2, failed: 1, keys: 3 });
    const failed = report.results.filter((result) => !result.ok);
    expect(failed).toEqual([
      expect.objectContaining({
        provider: 'openai',
        error: expect.objectContaining({ kind: 'auth', status: 401 }),
      }),
    ]);
    for (const result of report.results.filter((entry) => entry.ok))
      expect(result.ttft_ms).toBeGreaterThan(0);
    expect(report.seeded).toBe(3);

    // What was measured survives the process: the learning layer saved it to the store at close.
    const stores = await createStores({ kind: 'sqlite', dataDir });
    try {
      const learned = new Set((await stores.learnedStats.loadAll()).map((snapshot) => snapshot.targetId));
      for (const result of report.results) expect(learned).toContain(result.target);
    } finally {
      await stores.close();
    }
  });

  it('exits 0 when every tested key works, and 2 on an invalid configuration', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'arbiter-keys-test-'));
    const passing = spawnCli(['keys', 'test', '--models', 'groq/sim-fast', '--no-seed'], {
      cwd,
      env: { ...environment(join(cwd, 'data')), ARBITER_STORE: 'memory' },
    });
    const invalid = spawnCli(['keys', 'test'], {
      cwd,
      env: { ...environment(join(cwd, 'data')), COMPETE_EVALUATOR: 'loudest' },
    });
    const [passed, refused] = await Promise.all([passing.exited, invalid.exited]);
    expect(passed).toBe(0);
    expect(passing.output()).toContain('1 passed, 0 failed');
    expect(refused).toBe(2);
    expect(invalid.output()).toContain(
      'COMPETE_EVALUATOR: "loudest" is not one of fastest, judge, consensus',
    );
  });
});
