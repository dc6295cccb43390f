import type { Command } from 'commander';
import { getKnownProvider } from '../../../config/known-providers.js';
import { encryptSecret } from '../../../security/vault/encrypt-secret.js';
import { CliUsageError, createSecretInput } from '../../create-secret-input.js';
import { readMasterPassword } from '../../read-master-password.js';
import { runSecretCommand } from '../../run-secret-command.js';

/** Shorter master passwords fall to an offline guess against a copied `.env` despite scrypt's cost. */
const minPasswordLength = 8;

/**
 * `arbiter keys encrypt`: asks for the master password (twice, hidden) and a provider key (hidden), and
 * prints the `enc:v1:` value for `P_API_KEY_ENCRYPTED`, with `--provider` as `GROQ_API_KEY_ENCRYPTED=…`
 * (ready for `>> .env`). `--stdin` reads the password and the key as lines, for scripts.
 */
export function registerKeysEncryptCommand(keys: Command): void {
  keys
    .command('encrypt')
    .description('encrypt a provider key for P_API_KEY_ENCRYPTED (hidden prompts; USE_ENCRYPTED_KEYS=true)')
    .option(
      '--provider <name>',
      'print the variable to set for this provider (groq → GROQ_API_KEY_ENCRYPTED)',
    )
    .option(
      '--stdin',
      'read the master password and the key from stdin, one per line (only the key when MASTER_PASSWORD is set)',
    )
    .action((options: { provider?: string; stdin?: boolean }) =>
      runSecretCommand(async () => {
        const known = options.provider ? getKnownProvider(options.provider) : undefined;
        if (options.provider && !known) {
          const prefix = options.provider.toUpperCase().replace(/-/g, '_');
          process.stderr.write(
            `"${options.provider}" is not a built-in provider; using ${prefix}_API_KEY_ENCRYPTED\n`,
          );
        }
        const input = await createSecretInput(options.stdin === true);
        const password = await readMasterPassword(input, {
          shouldConfirm: true,
          minLength: minPasswordLength,
        });
        const key = await input.next('Provider key to encrypt: ', 'key');
        if (key.trim() === '') throw new CliUsageError('the key is empty; nothing was encrypted');
        const value = await encryptSecret(key.trim(), password);
        const prefix = known?.envPrefix ?? options.provider?.toUpperCase().replace(/-/g, '_');
        if (prefix) {
          process.stdout.write(`${prefix}_API_KEY_ENCRYPTED=${value}\n`);
        } else {
          process.stdout.write(`${value}\n`);
          process.stderr.write('Set it as <PROVIDER>_API_KEY_ENCRYPTED (e.g. GROQ_API_KEY_ENCRYPTED).\n');
        }
        process.stderr.write(
          'Start Arbiter with USE_ENCRYPTED_KEYS=true and MASTER_PASSWORD (or MASTER_PASSWORD_FILE) to use it.\n',
        );
      }),
    );
}
