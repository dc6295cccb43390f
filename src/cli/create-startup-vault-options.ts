import { readEnvironment, type Environment } from '../config/read-environment.js';
import { isMasterPasswordPromptNeeded, type VaultOptions } from '../config/read-vault-config.js';
import { decryptSecretSync } from '../security/vault/decrypt-secret.js';
import { createHiddenLineReader, PromptCancelledError } from './create-hidden-line-reader.js';
import { exitCodes } from './exit-codes.js';

/**
 * What `arbiter serve` hands configuration loading for encrypted keys: the vault's decryptor and, when
 * `USE_ENCRYPTED_KEYS=true` but neither `MASTER_PASSWORD` nor `MASTER_PASSWORD_FILE` is set and stdin is a
 * terminal, the master password typed at a hidden prompt. Without a terminal, loading reports the missing
 * password by name instead.
 */
export async function createStartupVaultOptions(
  env: Environment,
  cwd = process.cwd(),
): Promise<VaultOptions> {
  const options: VaultOptions = { decrypt: decryptSecretSync };
  if (!process.stdin.isTTY || !isMasterPasswordPromptNeeded(readEnvironment(cwd, env))) return options;
  const reader = createHiddenLineReader({ input: process.stdin, output: process.stderr });
  try {
    return { ...options, promptedPassword: await reader.read('Master password (USE_ENCRYPTED_KEYS=true): ') };
  } catch (error) {
    if (!(error instanceof PromptCancelledError)) throw error;
    process.stderr.write('Cancelled.\n');
    process.exit(exitCodes.failure);
  }
}
