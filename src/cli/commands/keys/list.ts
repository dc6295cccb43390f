import type { Command } from 'commander';
import { createStyle } from '../../create-style.js';
import { renderTable } from '../../render-table.js';
import {
  addAdminApiOptions,
  createAdminApi,
  runAdminCommand,
  type AdminApiOptions,
  type KeyJson,
} from './admin-api.js';

/** `arbiter keys list`: every gateway key of a running gateway, by prefix (keys themselves are not kept). */
export function registerKeysListCommand(keys: Command): void {
  addAdminApiOptions(
    keys
      .command('list')
      .description('list the gateway keys of a running gateway (prefixes, plans, budgets, status)')
      .option('--active', 'leave revoked keys out'),
  ).action((options: AdminApiOptions & { active?: boolean }) =>
    runAdminCommand(async () => {
      const { data } = await createAdminApi(options).send<{ data: KeyJson[] }>('GET', '/admin/keys');
      const shown = options.active ? data.filter((key) => key.status === 'active') : data;
      if (options.json) {
        process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
        return;
      }
      if (shown.length === 0) {
        process.stdout.write('No gateway keys. Create one with `arbiter keys create --plan free`.\n');
        return;
      }
      const style = createStyle();
      const usd = (value: number | null) => (value === null ? '-' : `$${value}`);
      const rows = shown.map((key) => [
        key.id,
        `${key.prefix}…`,
        key.name ?? '',
        key.plan,
        usd(key.budget_per_day_usd),
        usd(key.budget_per_month_usd),
        key.allowed_models?.join(',') ?? '(plan)',
        key.status === 'active' ? style.green('active') : style.dim('revoked'),
        key.created_at.slice(0, 10),
      ]);
      const header = ['ID', 'PREFIX', 'NAME', 'PLAN', 'PER DAY', 'PER MONTH', 'MODELS', 'STATUS', 'CREATED'];
      process.stdout.write(`${renderTable(rows, { header, styleHeader: style.bold, indent: 0 })}\n`);
    }),
  );
}
