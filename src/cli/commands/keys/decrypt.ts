import type { Command } from 'commander';
import { decryptSecret } from '../../../security/vault/decrypt-secret.js';
import { createSecretInput } from '../../create-secret-input.js';
import { readMasterPassword } from '../../read-master-password.js';
import { runSecretCommand } from '../../run-secret-command.js';

/**
 * `arbiter keys decrypt <value>`: recovery. Prints the key an `enc:v1:` value holds, with the master
 * password from `MASTER_PASSWORD`/`MASTER_PASSWORD_FILE`, a hidden prompt, or the first stdin line.
 */
export function registerKeysDecryptCommand(keys: Command): void {
  keys
    .command('decrypt')
    .description('print the provider key an enc:v1: value holds (recovery; asks for the master password)')
    .argument('<value>', 'the enc:v1: value (quote it)')
    .option('--stdin', 'read the master password from stdin instead of asking')
    .action((value: string, options: { stdin?: boolean }) =>
      runSecretCommand(async () => {
        const input = await createSecretInput(options.stdin === true);
        const password = await readMasterPassword(input, { shouldConfirm: false });
        process.stdout.write(`${await decryptSecret(value, password)}\n`);
      }),
    );
}
