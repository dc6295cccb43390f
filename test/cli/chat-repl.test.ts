import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { runCliWithInput } from './run-cli-with-input.js';
import { spawnCliInTerminal } from '../support/spawn-cli-in-terminal.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/** A loopback port nothing listens on: a provider there is down (connection refused). */
async function getClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let simulator: Simulator;
let running: RunningGateway;
const cwd = mkdtempSync(join(tmpdir(), 'arbiter-chat-'));

beforeAll(async () => {
  // `cli-slow` streams four tokens a second, so an answer is still under way when Ctrl-C comes.
  simulator = await createSimulator({
    profiles: { 'cli-slow': { latencyInMs: 0, ttftInMs: 0, tokensPerSecond: 4, jitter: 0 } },
  });
  running = await startGateway({
    GROQ_API_KEY: 'gsk-test',
    GROQ_BASE_URL: `${simulator.url}/openai/v1`,
    GROQ_MODEL: 'sim-fast',
    MISTRAL_API_KEY: 'mistral-test',
    MISTRAL_BASE_URL: `${simulator.url}/v1`,
    MISTRAL_MODEL: 'cli-slow',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `http://127.0.0.1:${await getClosedPort()}/v1`,
    DEFAULT_MODEL_PROVIDER: 'groq',
    RETRY_DELAY_SECONDS: '0',
  });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

describe('arbiter chat, in a terminal', () => {
  it('streams answers and runs the original brief’s /llm commands', { timeout: 40_000 }, async () => {
    const cli = spawnCliInTerminal(['chat', '--url', running.url], { cwd });
    /** Types a line, waits for `pattern`, then for the next prompt, so the whole answer is in. */
    const ask = async (line: string, pattern: RegExp): Promise<RegExpMatchArray> => {
      const from = cli.mark();
      cli.writeLine(line);
      const match = await cli.waitFor(pattern, { from });
      await cli.waitFor(/› $/, { from });
      return match;
    };
    try {
      await cli.waitFor(/auto › /);
      expect(cli.output()).toContain('auto → groq');

      let from = cli.mark();
      await ask('Hello there', /↳ groq\/sim-fast · \d+\.\d\d s/);
      const answer = cli.output().slice(from).split('\n').slice(1, -2).join(' ');
      expect(answer.trim().length).toBeGreaterThan(20);

      await ask('/llm test openai', /❌ openai failed after \d+\.\d\d s: .*OPENAI_BASE_URL/);
      await ask('/llm test groq', /✅ groq\/sim-fast answered in \d+\.\d\d s/);

      await ask('/llm providers', /openai\s+❌ offline/);
      expect(cli.output()).toMatch(/groq \(default\)\s+✅ online\s+sim-fast/);
      expect(cli.output()).toMatch(/mistral\s+✅ online\s+cli-slow .*no traffic yet/);
      expect(cli.output()).toMatch(/anthropic\s+❌ not configured .*set ANTHROPIC_API_KEY/);
      // Colours in a terminal: the ✅ is green.
      expect(cli.rawOutput()).toContain('\u001B[32m✅ online\u001B[39m');

      await ask(
        '/llm switch nope',
        /Unknown provider "nope"\. Known providers: openai, groq, mistral, auto\./,
      );
      await ask('/llm switch mistral', /Now talking to mistral\.\nmistral › /);

      // Ctrl-C while the answer streams cancels it (and the upstream call), and the REPL stays.
      from = cli.mark();
      cli.writeLine('Tell me a long story');
      await cli.waitFor(/Tell me a long story\n/, { from });
      from = cli.mark();
      await cli.waitFor(/\w+ \w+ \w+/, { from });
      cli.write('\u0003');
      await cli.waitFor(/\(cancelled\)\nmistral › /, { from });
      await expect.poll(() => simulator.stats().abortedRequests).toBeGreaterThan(0);
      // The cancelled request reaches the usage log when the gateway has seen the caller leave.
      await expect
        .poll(async () => {
          const usage = await fetch(`${running.url}/usage?group_by=provider`);
          return ((await usage.json()) as { totals: { requests: number } }).totals.requests;
        })
        .toBe(4);

      await ask('/llm stats', /average time/);
      const stats = cli.output().slice(cli.output().lastIndexOf('LLM statistics'));
      expect(stats).toContain('Current provider: mistral');
      expect(stats).toMatch(/Available providers: groq, mistral\n/);
      expect(stats).toMatch(/Auto-fallback: ✅ \(groq → openai → mistral\)/);
      // Sent: two answers from groq, one failed test of openai, one cancelled answer from mistral.
      expect(stats).toMatch(/groq\s+2\s+2\s+0\s+100%\s+\d+\.\d\d s/);
      expect(stats).toMatch(/openai\s+1\s+0\s+1\s+0%\s+\d+\.\d\d s/);
      expect(stats).toMatch(/mistral\s+1\s+0\s+1\s+0%\s+\d+\.\d\d s/);
      expect(stats).toMatch(/total\s+4\s+2\s+2\s+50%/);

      // At an idle prompt Ctrl-C only says how to leave; /exit leaves.
      from = cli.mark();
      cli.write('\u0003');
      await cli.waitFor(/\(Ctrl-C again, Ctrl-D or \/exit to quit\)\nmistral › /, { from });
      cli.writeLine('/exit');
      expect(await cli.exited).toBe(0);
    } finally {
      cli.child.kill();
    }
  });

  it('reads piped lines in turn, without colours, keeps the conversation, and leaves at the end of input', async () => {
    const input = ['Hi', 'And then?', '/clear', 'Fresh start', '/help', '/nope', '/llm test groq', ''].join(
      '\n',
    );
    const { code, output } = await runCliWithInput(
      ['chat', '--url', running.url, '--model', 'groq', '--system', 'Be brief.'],
      { cwd, input },
    );
    expect(code).toBe(0);
    expect(output.match(/↳ groq\/sim-fast/g)).toHaveLength(3);
    expect(output).toContain('Conversation cleared.');
    expect(output).toMatch(/\/llm switch <provider> +send the next messages to <provider>/);
    expect(output).toContain('Unknown command /nope: /help lists the commands.');
    expect(output).toMatch(/✅ groq\/sim-fast answered in/);
    expect(output).not.toContain('\u001B[');

    // Each message carried the system prompt and the turns before it, until /clear.
    const sent = simulator.requests
      .filter((request) => request.path.endsWith('/chat/completions'))
      .map((request) => (request.body as { messages: Array<{ role: string; content: string }> }).messages)
      .filter((messages) => messages[0]?.content === 'Be brief.');
    expect(sent.map((messages) => messages.map((message) => message.role).join(','))).toEqual([
      'system,user',
      'system,user,assistant,user',
      'system,user',
    ]);
    expect(sent[1]![3]).toEqual({ role: 'user', content: 'And then?' });
    expect(sent[2]![1]).toEqual({ role: 'user', content: 'Fresh start' });
  });
});
