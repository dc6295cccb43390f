import { readEnvironment } from '../config/read-environment.js';
import { readVaultConfig } from '../config/read-vault-config.js';
import { CliUsageError, type SecretInput } from './create-secret-input.js';

/**
 * The master password for `arbiter keys encrypt|decrypt`: `MASTER_PASSWORD` or `MASTER_PASSWORD_FILE`
 * (from the environment or `.env`, with the server's rules), else asked. A new password (`shouldConfirm`)
 * is asked twice on a terminal, since a typo would lock the key away for good.
 */
export async function readMasterPassword(
  input: SecretInput,
  options: { shouldConfirm: boolean; minLength?: number; cwd?: string },
): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  const env = readEnvironment(cwd, process.env);
  // Only the two password variables: this command decrypts nothing from the environment.
  const configured = readVaultConfig(
    { MASTER_PASSWORD: env.MASTER_PASSWORD, MASTER_PASSWORD_FILE: env.MASTER_PASSWORD_FILE },
    cwd,
  ).vault.getMasterPassword();
  if (configured !== undefined) return configured;
  const password = await input.next('Master password: ', 'master password');
  if (password === '') throw new CliUsageError('the master password is empty');
  if (options.minLength !== undefined && password.length < options.minLength) {
    throw new CliUsageError(
      `the master password is shorter than ${options.minLength} characters: whoever copies your .env could guess it offline`,
    );
  }
  if (options.shouldConfirm && input.isInteractive) {
    const again = await input.next('Master password again: ', 'master password');
    if (again !== password) throw new CliUsageError('the two passwords differ; nothing was encrypted');
  }
  return password;
}
