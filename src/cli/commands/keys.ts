import type { Command } from 'commander';
import { registerKeysCreateCommand } from './keys/create.js';
import { registerKeysDecryptCommand } from './keys/decrypt.js';
import { registerKeysEncryptCommand } from './keys/encrypt.js';
import { registerKeysListCommand } from './keys/list.js';
import { registerKeysRevokeCommand } from './keys/revoke.js';
import { registerKeysTestCommand } from './keys/test.js';

/**
 * `arbiter keys …`: gateway keys (create, list, revoke), provider keys in the vault (encrypt, decrypt)
 * and the key tester (test). Each subcommand lives in `./keys/` and is registered here.
 */
export function registerKeysCommand(program: Command): Command {
  const keys = program
    .command('keys')
    .description('manage gateway keys, encrypt provider keys, and test every provider key');
  registerKeysCreateCommand(keys);
  registerKeysListCommand(keys);
  registerKeysRevokeCommand(keys);
  registerKeysEncryptCommand(keys);
  registerKeysDecryptCommand(keys);
  registerKeysTestCommand(keys);
  return keys;
}
