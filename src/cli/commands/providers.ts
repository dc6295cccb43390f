import type { Command } from 'commander';
import { addExamples } from '../add-examples.js';
import { addGatewayOptions, type GatewayOptions } from '../add-gateway-options.js';
import { createStyle } from '../create-style.js';

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
  command.action(async (options: GatewayOptions & { json?: boolean }) => {
    // Loaded when the command runs, so `arbiter --help` does not pay for the HTTP client.
    const [{ fetchProviderStatuses }, { renderProviderStatuses }, { runClientCommand }] = await Promise.all([
      import('../fetch-provider-statuses.js'),
      import('../render-provider-statuses.js'),
      import('../run-client-command.js'),
    ]);
    await runClientCommand(options, async (client) => {
      const report = await fetchProviderStatuses(client);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${renderProviderStatuses(report, createStyle())}\n`,
      );
    });
  });
}
