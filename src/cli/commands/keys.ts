import type { Command } from 'commander';

/**
 * `arbiter keys …`: gateway keys (create, list, revoke), provider keys in the vault (encrypt, decrypt)
 * and the key tester (test). Each subcommand lives in `./keys/` and is registered here.
 */
export function registerKeysCommand(program: Command): Command {
  return program
    .command('keys')
    .description('manage gateway keys, encrypt provider keys, and test every provider key');
}
