import type { Command } from 'commander';

/**
 * Appends an "Examples" block to a command's `--help`, one shell line each (with an optional comment),
 * so every command shows how it is used, not only which options it has.
 * @example addExamples(command, ['arbiter stats --json   # for scripts']);
 */
export function addExamples(command: Command, examples: readonly string[]): Command {
  const lines = examples.map((example) => `  $ ${example}`);
  return command.addHelpText('after', `\nExamples:\n${lines.join('\n')}`);
}
