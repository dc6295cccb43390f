import type { Command } from 'commander';
import { addExamples } from '../add-examples.js';
import { addGatewayOptions, type GatewayOptions } from '../add-gateway-options.js';
import { createStyle } from '../create-style.js';
import { fetchProviderStatuses } from '../fetch-provider-statuses.js';
import { renderProviderStatuses } from '../render-provider-statuses.js';
import { runClientCommand } from '../run-client-command.js';

/** `arbiter providers`: the table of `/llm providers`, from a running gateway, or its JSON. */
export function registerProvidersCommand(program: Command): void {
  const command = program
    .command('providers')
    .description('list the providers of a running gateway with ✅ online, ⚠️ degraded or ❌ offline')
    .option('--json', 'print JSON for scripts instead of the table');
  addGatewayOptions(command);
  addExamples(command, [
    'arbiter providers',
    'arbiter providers --json | jq -r \'.providers[] | select(.status == "offline") | .provider\'',
    'arbiter providers --url http://gateway:8000',
  ]);
  command.action((options: GatewayOptions & { json?: boolean }) =>
    runClientCommand(options, async (client) => {
      const report = await fetchProviderStatuses(client);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${renderProviderStatuses(report, createStyle())}\n`,
      );
    }),
  );
}
