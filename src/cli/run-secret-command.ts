import { ConfigError } from '../config/config-error.js';
import { isVaultError } from '../security/vault/vault-error.js';
import { CliUsageError } from './create-secret-input.js';
import { PromptCancelledError } from './create-hidden-line-reader.js';
import { exitCodes } from './exit-codes.js';

/**
 * Runs a `keys encrypt|decrypt` action and turns its expected failures into one line on stderr and an
 * exit code, never a stack trace (which could carry a secret from a variable in scope).
 */
export async function runSecretCommand(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof PromptCancelledError) {
      process.stderr.write('Cancelled.\n');
      process.exit(exitCodes.failure);
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.format()}\n`);
      process.exit(exitCodes.invalidConfig);
    }
    if (error instanceof CliUsageError) {
      process.stderr.write(`arbiter keys: ${error.message}\n`);
      process.exit(exitCodes.invalidConfig);
    }
    if (isVaultError(error)) {
      const reason =
        error.kind === 'wrong-password-or-tampered' ? error.message : `the value ${error.message}`;
      process.stderr.write(`Cannot decrypt: ${reason}.\n`);
      process.exit(exitCodes.failure);
    }
    throw error;
  }
}
