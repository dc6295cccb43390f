import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCliInTerminal } from '../support/spawn-cli-in-terminal.js';
import { runCliWithInput } from './run-cli-with-input.js';

let simulator: Simulator;
let closedPort: number;
const directory = () => mkdtempSync(join(tmpdir(), 'arbiter-doctor-'));

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.1 });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
});

afterAll(async () => {
  await simulator?.close();
});

describe('arbiter doctor', () => {
  it('reports every check, with a fix for each failure, and the exit code that says how it went', async () => {
    const groq = { GROQ_API_KEY: 'gsk-test', GROQ_BASE_URL: `${simulator.url}/openai/v1` };
    const broken = spawnCliInTerminal(['doctor'], { cwd: directory(), env: { PORT: 'eighty', ...groq } });
    const unreachable = spawnCliInTerminal(['doctor', '--timeout', '3'], {
      cwd: directory(),
      env: {
        ...groq,
        ARBITER_STORE: 'memory',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: `http://127.0.0.1:${closedPort}/v1`,
        ANTHROPIC_API_KEY: 'sk-ant-invalid',
        ANTHROPIC_BASE_URL: simulator.url,
      },
    });
    const [allOk, demo] = await Promise.all([
      runCliWithInput(['doctor'], { cwd: directory(), env: groq }),
      runCliWithInput(['doctor'], { cwd: directory(), env: { ARBITER_STORE: 'memory' } }),
    ]);

    // An invalid value: exit 2, the variable named, and what to do about it.
    expect(await broken.exited).toBe(2);
    expect(broken.output()).toContain('❌ configuration in the environment is invalid');
    expect(broken.output()).toContain('PORT: "eighty" is not a number');
    expect(broken.output()).toMatch(/fix: fix or unset PORT in the environment or \.env/);
    expect(broken.output()).not.toMatch(/\n\s+at /);

    // One provider down, one key refused: exit 1 and a concrete fix for each; the rest still checked.
    expect(await unreachable.exited).toBe(1);
    const report = unreachable.output();
    expect(report).toMatch(/groq · key groq#\w+\s+✅ ok\s+models listed in \d+\.\d\d s/);
    expect(report).toMatch(/openai · key openai#\w+\s+❌ unreachable\s+could not reach openai: ECONNREFUSED/);
    expect(report).toMatch(/anthropic · key anthropic#\w+\s+❌ key rejected/);
    expect(report).toContain(
      `openai could not be reached at http://127.0.0.1:${closedPort}/v1: check the network and OPENAI_BASE_URL.`,
    );
    expect(report).toMatch(/anthropic rejected key anthropic#\w+: check ANTHROPIC_API_KEY\./);
    expect(report).toContain('2 of 5 checks failed.');
    expect(report).not.toContain('sk-ant-invalid');
    // The terminal's progress bar ends full, on one redrawn line.
    expect(report).toMatch(/Checking providers █{24} 3\/3 100%/);
    expect(unreachable.rawOutput()).toContain('\u001B[31m❌ unreachable\u001B[39m');

    // Everything reachable: exit 0, and the SQLite store opened and migrated in the working directory.
    expect(allOk.code).toBe(0);
    expect(allOk.stdout).toMatch(/store\s+✅ ok\s+sqlite \S+arbiter\.db \(opened, migrations applied\)/);
    expect(allOk.stdout).toMatch(/configuration\s+✅ ok\s+the environment \(1 provider\)/);
    expect(allOk.stdout).toContain('All 3 checks passed.');
    expect(allOk.stdout).not.toContain('\u001B[');
    expect(allOk.output).toContain('Checking providers: 1/1 (100%)');

    // Demo mode says so and checks the simulator's providers.
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Demo mode: no provider key is configured');
    expect(demo.stdout).toMatch(/demo-anthropic · key demo-anthropic#\w+\s+✅ ok/);
    expect(demo.stdout).toContain('All 7 checks passed.');
  }, 40_000);
});
