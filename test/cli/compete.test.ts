import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDisplayWidth } from '../../src/cli/get-display-width.js';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { spawnCliInTerminal } from '../support/spawn-cli-in-terminal.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';
import { runCliWithInput } from './run-cli-with-input.js';

/**
 * `arbiter compete` against the real gateway in-process, with simulated providers: groq (fast) and
 * openai (a slow first token) answer, ollama is down. The gateway wants a key, as a deployed one would.
 */
let simulator: Simulator;
let running: RunningGateway;
const apiKey = 'compete-cli-test-key-0001';
const cwd = mkdtempSync(join(tmpdir(), 'arbiter-cli-compete-'));

beforeAll(async () => {
  simulator = await createSimulator({ timeScale: 0.1 });
  running = await startGateway({
    ARBITER_API_KEYS: apiKey,
    GROQ_API_KEY: 'gsk-test',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    GROQ_MODEL: 'sim-fast',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${simulator.url}/v1`,
    OPENAI_MODEL: 'sim-slow',
    OLLAMA_BASE_URL: simulator.url,
    OLLAMA_MODEL: 'sim-down',
    MAX_RETRY_ATTEMPTS: '0',
  });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

const env = (): Record<string, string> => ({ ARBITER_URL: running.url, ARBITER_API_KEY: apiKey });

describe('arbiter compete', () => {
  it('shows every contender with its times, the winner, the verdict and the answer in a terminal', async () => {
    const terminal = spawnCliInTerminal(
      ['compete', 'Name a sea creature', '--providers', 'groq,openai,ollama'],
      { cwd, env: env(), columns: 80 },
    );
    expect(await terminal.exited).toBe(0);
    const output = terminal.output();
    // The spinner ran on stderr while the contenders did.
    expect(output).toContain('⠋ Competing: groq, openai, ollama');
    expect(output).toMatch(/contender\s+status\s+time\s+ttft\s+tokens\s+cost\s+error/);
    expect(output).toMatch(/🏆\s+groq\/sim-fast\s+✅\s+\d+\.\d\d s\s+\d+\.\d\d s\s+\d+\s+(\$[\d.]+|—)/);
    expect(output).toMatch(/\n\s+openai\/sim-slow\s+✅\s+\d+\.\d\d s\s+\d+\.\d\d s\s+\d+/);
    // The down one's kind of failure in the table, its message in full under it.
    expect(output).toMatch(/\n\s+ollama\/sim-down\s+❌\s+\d+\.\d\d s\s+—\s+—\s+—\s+overloaded \(503\)\n/);
    expect(output).toMatch(/\n {2}❌ ollama\/sim-down: server busy/);
    expect(output).toMatch(/Winner: groq\/sim-fast \(evaluator: fastest\)/);
    expect(output).toMatch(/Verdict: \S+/);
    expect(output).toMatch(/Winning answer\n\n\S+/);
    // The spinner's redraws (`\r`) are one line in `output()`; everything after it fits the terminal.
    const report = output.slice(output.indexOf('🏁'));
    for (const line of report.split('\n')) expect(getDisplayWidth(line), line).toBeLessThan(80);
    expect(terminal.rawOutput()).toContain('\u001B[32m✅\u001B[39m');
  });

  it('prints the reason of a contender that failed, and plain text in a pipe', async () => {
    const { code, stdout, output } = await runCliWithInput(
      ['compete', 'Hi', '--providers', 'groq,ollama', '--evaluator', 'consensus'],
      { cwd, env: env() },
    );
    expect(code, output).toBe(0);
    expect(stdout).toMatch(/🏆\s+groq\/sim-fast\s+✅/);
    expect(stdout).toMatch(/ollama\/sim-down\s+❌\s+\d+\.\d\d s\s+—\s+—\s+—\s+overloaded \(503\)\n/);
    // In a pipe, nothing is wrapped: the reason stays on one line for grep.
    expect(stdout).toMatch(
      /\n {2}❌ ollama\/sim-down: server busy, please try again\. maximum pending requests exceeded\n/,
    );
    expect(stdout).toContain('(evaluator: consensus');
    expect(output).not.toContain('Competing');
    expect(stdout).not.toContain('\u001B[');
  });

  it('prints the gateway answer as JSON with --json', async () => {
    const { code, stdout } = await runCliWithInput(
      ['compete', 'Hi', '--json', '--providers', 'groq,openai', '--timeout', '20000'],
      { cwd, env: env() },
    );
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({
      best_performer: 'groq',
      winning_response: expect.any(String),
      groq_response: expect.any(String),
      openai_response: expect.any(String),
      verdict: { evaluator: 'fastest', winner: 'groq' },
    });
    expect(body.responses.map((contender: { provider: string }) => contender.provider)).toEqual([
      'groq',
      'openai',
    ]);
  });

  it('exits 1 with every reason when every contender failed', async () => {
    const { code, stdout, output } = await runCliWithInput(
      ['compete', 'Hi', '--providers', 'ollama,groq/sim-down'],
      { cwd, env: env() },
    );
    expect(code, output).toBe(1);
    expect(stdout).toBe('');
    expect(output).toMatch(/^arbiter: the gateway answered 5\d\d: /);
    expect(output).toContain('ollama/sim-down');
    expect(output).toContain('groq/sim-down');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('exits 3 when no gateway answers, and 1 with a hint when the key is refused', async () => {
    const [unreachable, refused] = await Promise.all([
      runCliWithInput(['compete', 'Hi', '--url', 'http://127.0.0.1:1'], { cwd }),
      runCliWithInput(['compete', 'Hi', '--url', running.url, '--api-key', 'wrong-key-0000000000'], { cwd }),
    ]);
    expect(unreachable.code).toBe(3);
    expect(unreachable.output).toContain(
      'no gateway at http://127.0.0.1:1 — start one with `arbiter serve` or pass --url',
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/the gateway answered 401: .*\(pass --api-key, or set ARBITER_API_KEY/);
  });

  it('exits 2 on a usage error, before calling any gateway', async () => {
    const results = await Promise.all(
      [
        ['compete'],
        ['compete', 'Hi', '--evaluator', 'best'],
        ['compete', 'Hi', '--timeout', 'soon'],
        ['compete', 'Hi', '--providers', 'groq,,openai'],
        ['compete', '   '],
      ].map((args) => runCliWithInput([...args, '--url', 'http://127.0.0.1:1'], { cwd })),
    );
    const [missing, evaluator, timeout, providers, empty] = results;
    for (const result of results) expect(result.code, result.output).toBe(2);
    expect(missing!.output).toContain("missing required argument 'prompt'");
    expect(evaluator!.output).toMatch(/Allowed choices are fastest, judge, consensus/);
    expect(timeout!.output).toContain('expected whole milliseconds from 1 to 600000');
    expect(providers!.output).toContain('expected names separated by commas');
    expect(empty!.output).toContain('the prompt is empty');
  });
});
