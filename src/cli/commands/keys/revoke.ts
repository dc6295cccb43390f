import type { Command } from 'commander';
import {
  addAdminApiOptions,
  createAdminApi,
  runAdminCommand,
  type AdminApiOptions,
  type KeyJson,
} from './admin-api.js';

/** `arbiter keys revoke <id>`: the key stops working at once on that gateway. */
export function registerKeysRevokeCommand(keys: Command): void {
  addAdminApiOptions(
    keys
      .command('revoke')
      .description('revoke a gateway key of a running gateway')
      .argument('<id>', 'the key id (key_…)'),
  ).action((id: string, options: AdminApiOptions) =>
    runAdminCommand(async () => {
      const path = `/admin/keys/${encodeURIComponent(id)}`;
      const revoked = await createAdminApi(options).send<KeyJson>('DELETE', path);
      if (options.json) process.stdout.write(`${JSON.stringify(revoked, null, 2)}\n`);
      else process.stdout.write(`Revoked ${revoked.id} (${revoked.prefix}…, plan ${revoked.plan}).\n`);
    }),
  );
}
