import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../../config/config-error.js';
import type { Environment } from '../../config/read-environment.js';
import { createGateway } from '../../gateway.js';
import { runWithConcurrency } from '../../lib/run-with-concurrency.js';
import type { Style } from '../create-style.js';
import { exitCodes } from '../exit-codes.js';
import { loadCliConfig } from '../load-cli-config.js';
import { createProgressBar, type ProgressStream } from '../progress-bar.js';
import { buildKeyTestReport } from './build-key-test-report.js';
import { planKeyTests } from './plan-key-tests.js';
import { renderKeyTestSummary } from './render-key-test-summary.js';
import { testKeyModel, toSeedMeasurement, type KeyModelResult } from './test-key-model.js';

export interface KeyTesterOptions {
  /** `--config`. */
  configPath?: string;
  /** Default `process.env`. */
  env?: Environment;
  models?: string[];
  limit?: number;
  /** Tests running at once. */
  concurrency: number;
  /** How long each test may take. */
  timeoutInMs: number;
  /** Where to write the JSON report. */
  outPath?: string;
  /** Test the models each provider lists instead of the configured ones. */
  shouldDiscover: boolean;
  /** Teach the learning layer what was measured (default); off with `--no-seed`. */
  shouldSeed: boolean;
  style: Style;
  /** The summary. */
  output: { write(text: string): unknown };
  /** The progress bar and notes. */
  progress?: ProgressStream;
}

/**
 * `arbiter keys test`, in-process: loads the configuration as `serve` does, builds the gateway (for its
 * targets: one per key and model, stored keys included), tests every pair with a bounded number at once
 * and a progress bar, prints the summary, writes the report, and seeds the learned statistics through the
 * gateway's learning layer, which saves them to the store when the gateway closes. Resolves with the exit
 * code: 0 when every pair passed, 1 when any failed, 2 when the configuration is invalid or names nothing
 * to test.
 */
export async function runKeyTester(options: KeyTesterOptions): Promise<number> {
  const { style } = options;
  const print = (text: string): void => void options.output.write(`${text}\n`);
  const note = (text: string): void => void (options.progress ?? process.stderr).write(`${text}\n`);
  let config;
  try {
    config = await loadCliConfig({ configPath: options.configPath, env: options.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    note(error.format());
    return exitCodes.invalidConfig;
  }
  if (config.isDemo) {
    note(
      'No provider key is configured, so there is nothing to test: set GROQ_API_KEY, OPENAI_API_KEY, … (or providers: in arbiter.yaml).',
    );
    return exitCodes.invalidConfig;
  }
  const gateway = await createGateway(config, {
    reportError: (error, message) => note(`${message}: ${String(error)}`),
  });
  try {
    const startedAt = new Date();
    const startedAtInMs = performance.now();
    const plan = await planKeyTests(
      { providers: config.providers, resolve: (name) => gateway.resolve(name) },
      {
        models: options.models,
        limit: options.limit,
        discover: options.shouldDiscover ? { timeoutInMs: options.timeoutInMs } : undefined,
      },
    );
    if (plan.targets.length === 0) {
      for (const skipped of plan.skipped) note(`${skipped.provider}: not tested, because ${skipped.reason}.`);
      note('Nothing to test.');
      return exitCodes.invalidConfig;
    }
    const results: KeyModelResult[] = [];
    const bar = createProgressBar({
      total: plan.targets.length,
      label: 'Testing keys',
      stream: options.progress,
    });
    await runWithConcurrency(plan.targets.length, options.concurrency, async (index) => {
      const target = plan.targets[index]!;
      const result = await testKeyModel(target, { timeoutInMs: options.timeoutInMs, redact: gateway.redact });
      results[index] = result;
      bar.tick(1, `${target.credential.id} ${target.model} ${result.isSuccess ? 'ok' : result.error?.kind}`);
    });
    bar.done();
    let seeded = 0;
    for (const result of options.shouldSeed ? results : []) {
      const measurement = toSeedMeasurement(result);
      if (!measurement) continue;
      gateway.learning.seed(result.targetId, measurement);
      seeded++;
    }
    const report = buildKeyTestReport({
      results,
      skipped: plan.skipped,
      startedAt,
      durationInMs: performance.now() - startedAtInMs,
      seeded,
    });
    print(renderKeyTestSummary(report, style));
    if (options.outPath) {
      const path = resolve(options.outPath);
      await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
      print(`\nReport written to ${path}`);
    }
    if (seeded > 0)
      print(`Seeded the learned statistics with ${seeded} measurements (${config.storage.kind} store).`);
    return report.summary.failed > 0 ? exitCodes.failure : exitCodes.ok;
  } finally {
    // Saves the seeded statistics: the learning layer writes what changed when the gateway closes.
    await gateway.close();
  }
}
