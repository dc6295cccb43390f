import { ConfigError } from '../../config/config-error.js';
import type { Environment } from '../../config/read-environment.js';
import { createGateway, type Gateway } from '../../gateway.js';
import { createStores } from '../../gateway/create-stores.js';
import type { Style } from '../create-style.js';
import { exitCodes } from '../exit-codes.js';
import { loadCliConfig } from '../load-cli-config.js';
import type { ProgressStream } from '../progress-bar.js';
import { checkProviders } from './check-providers.js';
import { checkStore } from './check-store.js';
import { describeConfigFix } from './describe-config-fix.js';
import { renderDoctorReport, type DoctorRow } from './render-doctor-report.js';

export interface DoctorOptions {
  /** `--config`. */
  configPath?: string;
  /** How long each provider probe may take. */
  timeoutInMs: number;
  style: Style;
  /** The report. */
  output: { write(text: string): unknown };
  /** The progress bar. */
  progress?: ProgressStream;
  /** Default `process.env`. */
  env?: Environment;
}

/**
 * `arbiter doctor`, in-process: loads the configuration exactly as `serve` does, opens the store, builds
 * the gateway (in demo mode with its simulator) and probes every provider key at once, then prints one
 * table and the fixes. Resolves with the exit code: 2 for an invalid configuration (each problem with
 * its place and fix), 1 when any check failed, 0 when all passed.
 */
export async function runDoctor(options: DoctorOptions): Promise<number> {
  const { style, output } = options;
  const print = (text: string): void => void output.write(`${text}\n`);
  print(style.bold('Arbiter doctor'));
  let config;
  try {
    config = await loadCliConfig({ configPath: options.configPath, env: options.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const configFile = options.configPath ?? (options.env ?? process.env).ARBITER_CONFIG ?? 'arbiter.yaml';
    print(`\n${style.red('❌ configuration')} in ${error.source} is invalid:`);
    for (const issue of error.issues) {
      print(`  - ${style.bold(issue.path)}: ${issue.message}`);
      print(`    ${style.dim('fix:')} ${describeConfigFix(issue, configFile)}`);
    }
    return exitCodes.invalidConfig;
  }
  const rows: DoctorRow[] = [];
  const source = config.configFile ? `the environment and ${config.configFile}` : 'the environment';
  const count = config.providers.length;
  const providerCount = config.isDemo
    ? 'demo mode: no provider key set'
    : `${count} provider${count === 1 ? '' : 's'}`;
  rows.push({ check: 'configuration', status: 'ok', detail: `${source} (${providerCount})` });

  const store = await checkStore(config.storage);
  rows.push(
    store.isOk
      ? { check: 'store', status: 'ok', detail: store.description }
      : {
          check: 'store',
          status: 'failed',
          detail: `${store.description}: ${store.message}`,
          fix: store.fix,
        },
  );
  let gateway: Gateway;
  const stores = store.isOk ? store.stores : await createStores({ kind: 'memory', dataDir: '' });
  try {
    gateway = await createGateway(config, { stores, reportError: () => undefined });
  } catch (error) {
    await stores.close();
    const message = error instanceof Error ? error.message : String(error);
    rows.push({ check: 'gateway', status: 'failed', detail: message });
    print(renderDoctorReport(rows, style));
    return exitCodes.failure;
  }
  try {
    if (config.isDemo) {
      print(
        style.yellow(
          `Demo mode: no provider key is configured, so the providers checked are the built-in simulator (${gateway.demoSimulatorUrl}).`,
        ),
      );
    }
    const { checks, uncheckable } = await checkProviders(gateway, options.timeoutInMs, options.progress);
    for (const { provider, message } of uncheckable) {
      const fix = `give ${provider} a default model (${provider.toUpperCase()}_MODEL, or defaultModel in arbiter.yaml)`;
      rows.push({ check: provider, status: 'failed', detail: message, fix });
    }
    for (const check of checks) {
      const { target } = check;
      const seconds = `${(check.latencyInMs / 1000).toFixed(2)} s`;
      const how = check.method === 'models' ? 'models listed' : 'answered';
      const fixes = check.attempt ? gateway.suggestFixes([check.attempt]) : [];
      rows.push({
        check: `${target.provider} · key ${target.credential.id}`,
        status: check.status,
        detail: check.status === 'ok' ? `${how} in ${seconds}` : gateway.redact(check.message ?? ''),
        fix: fixes.join(' ') || undefined,
      });
    }
    print(renderDoctorReport(rows, style));
  } finally {
    await gateway.close();
    await stores.close();
  }
  const hasFailed = rows.some((row) => row.status !== 'ok' && row.status !== 'rate-limited');
  return hasFailed ? exitCodes.failure : exitCodes.ok;
}
