import type { Command } from 'commander';
import { addExamples } from '../add-examples.js';
import { addGatewayOptions, type GatewayOptions } from '../add-gateway-options.js';
import { createStyle } from '../create-style.js';
import { fetchProviderStats } from '../fetch-provider-stats.js';
import { renderProviderStats } from '../render-provider-stats.js';
import { runClientCommand } from '../run-client-command.js';

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
  command.action((options: GatewayOptions & { json?: boolean }) =>
    runClientCommand(options, async (client) => {
      const report = await fetchProviderStats(client);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${renderProviderStats(report, createStyle())}\n`,
      );
    }),
  );
}
