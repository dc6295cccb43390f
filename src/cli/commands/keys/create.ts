import type { Command } from 'commander';
import { exitCodes } from '../../exit-codes.js';
import {
  addAdminApiOptions,
  createAdminApi,
  runAdminCommand,
  type AdminApiOptions,
  type KeyJson,
} from './admin-api.js';

interface CreateOptions extends AdminApiOptions {
  name?: string;
  plan: string;
  budgetPerDay?: string;
  budgetPerMonth?: string;
  models?: string;
  metadata?: string[];
}

/**
 * `arbiter keys create`: a new gateway key through the admin API of a running gateway. The key is printed
 * once, alone on its line (with `--json`, in the `key` field): the gateway keeps only its hash.
 */
export function registerKeysCreateCommand(keys: Command): void {
  addAdminApiOptions(
    keys
      .command('create')
      .description('create a gateway key on a running gateway (printed once: store it)')
      .option('--name <name>', 'a name to recognise it by')
      .option('--plan <plan>', 'free, premium, enterprise or a custom plan', 'free')
      .option('--budget-per-day <usd>', "dollars per UTC day it may spend (default: its plan's)")
      .option('--budget-per-month <usd>', "dollars per UTC month it may spend (default: its plan's)")
      .option('--models <list>', "comma list of routes or provider/model patterns (default: its plan's)")
      .option('--metadata <key=value...>', 'labels kept with the key (owner=ana team=search)'),
  ).action((options: CreateOptions) =>
    runAdminCommand(async () => {
      const body: Record<string, unknown> = { plan: options.plan };
      if (options.name) body.name = options.name;
      for (const [flag, field, text] of [
        ['--budget-per-day', 'budget_per_day_usd', options.budgetPerDay],
        ['--budget-per-month', 'budget_per_month_usd', options.budgetPerMonth],
      ] as const) {
        if (text === undefined) continue;
        const value = Number(text);
        if (!Number.isFinite(value) || value < 0)
          return usageError(`${flag} takes a number of dollars, not "${text}"`);
        body[field] = value;
      }
      if (options.models) body.allowed_models = options.models.split(',').map((model) => model.trim());
      if (options.metadata) {
        const pairs = options.metadata.map((pair) => [
          pair.slice(0, pair.indexOf('=')),
          pair.slice(pair.indexOf('=') + 1),
        ]);
        if (pairs.some(([key]) => !key)) return usageError('--metadata takes key=value pairs');
        body.metadata = Object.fromEntries(pairs);
      }
      const created = await createAdminApi(options).send<KeyJson>('POST', '/admin/keys', body);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `Created ${created.id} (plan ${created.plan}${created.name ? `, "${created.name}"` : ''}). ` +
          'Store the key now; it is not shown again:\n\n' +
          `  ${created.key}\n\n`,
      );
    }),
  );
}

function usageError(message: string): number {
  process.stderr.write(`arbiter: ${message}\n`);
  return exitCodes.invalidConfig;
}
