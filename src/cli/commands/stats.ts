import type { Command } from 'commander';
import { addExamples } from '../add-examples.js';
import { addGatewayOptions, type GatewayOptions } from '../add-gateway-options.js';
import { createStyle } from '../create-style.js';

/** `arbiter stats`: the report of `/llm stats`, from a running gateway's usage log, or its JSON. */
export function registerStatsCommand(program: Command): void {
  const command = program
    .command('stats')
    .description(
      'requests, successes, failures, success rate and average time per provider, from the usage log',
    )
    .option('--json', 'print JSON for scripts instead of the table');
  addGatewayOptions(command);
  addExamples(command, [
    'arbiter stats',
    "arbiter stats --json | jq '.providers[] | {provider, success_rate}'",
  ]);
  command.action(async (options: GatewayOptions & { json?: boolean }) => {
    // Loaded when the command runs, so `arbiter --help` does not pay for the HTTP client.
    const [{ fetchProviderStats }, { renderProviderStats }, { runClientCommand }] = await Promise.all([
      import('../fetch-provider-stats.js'),
      import('../render-provider-stats.js'),
      import('../run-client-command.js'),
    ]);
    await runClientCommand(options, async (client) => {
      const report = await fetchProviderStats(client);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${renderProviderStats(report, createStyle())}\n`,
      );
    });
  });
}
