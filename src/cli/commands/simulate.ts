import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { BehaviourProfile } from '../../simulator/index.js';
import { exitCodes } from '../exit-codes.js';

interface SimulateOptions {
  port: string;
  host: string;
  seed: string;
  timeScale: string;
  profile?: string;
  latencyMs?: string;
  ttftMs?: string;
  tokensPerSecond?: string;
}

/**
 * `arbiter simulate`: the provider simulator as a standalone server, for trying a client, a benchmark, or
 * Arbiter itself (`OPENAI_BASE_URL=http://127.0.0.1:4000/v1`).
 */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('run the provider simulator (real wire formats, programmable latency and failures)')
    .option('-p, --port <port>', 'port to listen on', '4000')
    .option('-H, --host <host>', 'address to bind', '127.0.0.1')
    .option('--seed <n>', 'seed for every random choice (same seed, same answers)', '42')
    .option('--time-scale <factor>', 'multiply every delay (0.1 = ten times faster)', '1')
    .option(
      '--profile <file>',
      'JSON file of behaviour profiles by model name: {"sim-fast": {"latencyInMs": 20}}',
    )
    .option(
      '--latency-ms <ms>',
      'time to response headers of the default profile (sim-fast and every non-sim model)',
    )
    .option('--ttft-ms <ms>', 'time to first token of the default profile')
    .option('--tokens-per-second <n>', 'token rate of the default profile (0 = instant)')
    .addHelpText(
      'after',
      '\nModels: sim-fast, sim-instant, sim-slow, sim-flaky, sim-down, sim-429, sim-cut, sim-hang, sim-tools;\nany other model id behaves like sim-fast.\n\nExamples:\n  $ arbiter simulate --port 4000\n  $ arbiter simulate --time-scale 0.1 --seed 7\n  $ OPENAI_BASE_URL=http://127.0.0.1:4000/v1 OPENAI_API_KEY=x arbiter serve',
    )
    .action(async (options: SimulateOptions) => {
      // Loaded when the command runs, so `arbiter --help` does not pay for the simulator's server.
      const { createSimulator, parseSimulatorProfiles } = await import('../../simulator/index.js');
      let profiles: Record<string, Partial<BehaviourProfile>>;
      try {
        profiles = options.profile ? parseSimulatorProfiles(readFileSync(options.profile, 'utf8')) : {};
      } catch (error) {
        process.stderr.write(
          `arbiter simulate: ${options.profile}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(exitCodes.invalidConfig);
      }
      const overrides: Partial<BehaviourProfile> = {
        ...(options.latencyMs !== undefined
          ? { latencyInMs: readNumber('--latency-ms', options.latencyMs) }
          : {}),
        ...(options.ttftMs !== undefined ? { ttftInMs: readNumber('--ttft-ms', options.ttftMs) } : {}),
        ...(options.tokensPerSecond !== undefined
          ? { tokensPerSecond: readNumber('--tokens-per-second', options.tokensPerSecond) }
          : {}),
      };
      if (Object.keys(overrides).length > 0) profiles['sim-fast'] = { ...profiles['sim-fast'], ...overrides };
      const simulator = await createSimulator({
        host: options.host,
        port: readNumber('--port', options.port),
        seed: readNumber('--seed', options.seed),
        timeScale: readNumber('--time-scale', options.timeScale),
        profiles,
      });
      process.stderr.write(
        `Provider simulator listening on ${simulator.url}\n  OpenAI-compatible base URL: ${simulator.url}/v1\n`,
      );
      const stop = async (): Promise<void> => {
        await simulator.close();
        process.exit(exitCodes.ok);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
    });
}

function readNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    process.stderr.write(`arbiter simulate: ${flag} must be a non-negative number, got "${text}"\n`);
    process.exit(exitCodes.invalidConfig);
  }
  return value;
}
