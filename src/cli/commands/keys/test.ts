import type { Command } from 'commander';
import { addExamples } from '../../add-examples.js';
import { createStyle } from '../../create-style.js';
import { exitCodes } from '../../exit-codes.js';

interface KeysTestOptions {
  config?: string;
  models?: string;
  limit?: string;
  concurrency: string;
  timeout: string;
  out?: string;
  discover?: boolean;
  seed: boolean;
}

/**
 * `arbiter keys test`: every configured provider key with every model of its provider, a few at a time,
 * with a progress bar; prints pass/fail per key × model, the fastest and each failure's reason, writes a
 * JSON report with `--out`, and seeds the learned statistics with what it measured.
 */
export function registerKeysTestCommand(keys: Command): void {
  const command = keys
    .command('test')
    .description('test every provider key with every model of its provider; seeds the learned statistics')
    .option('-c, --config <file>', 'YAML config file (env ARBITER_CONFIG, default ./arbiter.yaml if present)')
    .option('--models <list>', 'only these models: ids (for every provider that has them) or provider/model')
    .option('--limit <n>', 'at most this many models per provider, its default model first')
    .option('--concurrency <n>', 'tests running at once', '4')
    .option('--timeout <seconds>', 'how long each test may take', '30')
    .option('--out <file>', 'write the full report as JSON')
    .option('--discover', 'test the models each provider lists (where it can) instead of the configured ones')
    .option('--no-seed', 'do not teach the learned statistics what was measured');
  addExamples(command, [
    'arbiter keys test',
    'arbiter keys test --limit 1 --out keys-report.json',
    'arbiter keys test --models groq/llama-3.1-8b-instant,gpt-4o-mini --concurrency 8',
  ]);
  command.addHelpText(
    'after',
    '\nExit codes: 0 every key works, 1 some key × model failed, 2 invalid configuration.',
  );
  command.action(async (options: KeysTestOptions) => {
    // Loaded when the command runs: the tester loads the providers and the store, which `--help` must not.
    const { runKeyTester } = await import('../../key-test/run-key-tester.js');
    const code = await runKeyTester({
      configPath: options.config,
      models: options.models
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean),
      limit: options.limit === undefined ? undefined : readCount('--limit', options.limit),
      concurrency: readCount('--concurrency', options.concurrency),
      timeoutInMs: readSeconds(options.timeout) * 1000,
      outPath: options.out,
      shouldDiscover: options.discover === true,
      shouldSeed: options.seed,
      style: createStyle(),
      output: process.stdout,
      progress: process.stderr,
    });
    // Keep-alive sockets to the providers would hold the process open after the report.
    process.exit(code);
  });
}

function readCount(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    usage(`${flag} must be a whole number of at least 1, got "${text}"`);
  return value;
}

function readSeconds(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    usage(`--timeout must be a positive number of seconds, got "${text}"`);
  return value;
}

function usage(message: string): never {
  process.stderr.write(`arbiter keys test: ${message}\n`);
  process.exit(exitCodes.invalidConfig);
}
