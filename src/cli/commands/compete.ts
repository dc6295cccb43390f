import { Option, type Command } from 'commander';
import { evaluatorNames } from '../../competition/contest-options.js';
import { addExamples } from '../add-examples.js';
import { addGatewayOptions } from '../add-gateway-options.js';
import { exitCodes } from '../exit-codes.js';
import { parseProviderList, parseTimeoutInMs, type CompeteOptions } from './compete-options.js';

/**
 * `arbiter compete "<prompt>"`: the prompt to several models at once through a running gateway's
 * `POST /compete`, and a table of how each did, the verdict and the winning answer (or, with `--json`,
 * the gateway's answer as it is).
 */
export function registerCompeteCommand(program: Command): void {
  const command = program
    .command('compete')
    .description('send one prompt to several models at once and see who answers best, fastest and cheapest')
    .argument('<prompt>', 'the prompt every contender answers')
    .option(
      '--providers <names>',
      'who competes, comma-separated: providers, provider/model or routes (default: COMPETE_CONTENDERS, else every provider)',
      parseProviderList,
    )
    .addOption(
      new Option('--evaluator <name>', 'how the winner is chosen (default fastest)').choices(evaluatorNames),
    )
    .option(
      '--timeout <ms>',
      'deadline for the contenders; stragglers are reported as timed out',
      parseTimeoutInMs,
    )
    .option('--json', "print the gateway's answer as JSON for scripts instead of the table");
  addGatewayOptions(command);
  addExamples(command, [
    'arbiter compete "Explain recursion in one sentence."',
    'arbiter compete "Name three sea creatures" --providers groq,openai/gpt-4o-mini --evaluator judge',
    'arbiter compete "Hi" --timeout 5000 --json | jq \'.responses[] | {name, time, cost}\'',
  ]);
  command.addHelpText(
    'after',
    '\nExit codes: 0 a contender won, 1 every contender failed, 2 usage, 3 no gateway.',
  );
  // A usage error (a missing prompt, an unknown evaluator) exits 2 like an invalid setting, not
  // commander's 1, which here means that every contender failed.
  command.exitOverride((error) =>
    process.exit(error.exitCode === 0 ? exitCodes.ok : exitCodes.invalidConfig),
  );
  command.action(async (prompt: string, options: CompeteOptions) => {
    if (prompt.trim() === '')
      command.error('error: the prompt is empty', { exitCode: exitCodes.invalidConfig });
    // Loaded only when the command runs, so `arbiter --help` does not pay for the HTTP client.
    const [{ runClientCommand }, { runCompeteAction }] = await Promise.all([
      import('../run-client-command.js'),
      import('./compete-action.js'),
    ]);
    await runClientCommand(options, (client) => runCompeteAction(client, prompt, options));
  });
}
