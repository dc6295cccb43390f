import { scrypt, scryptSync } from 'node:crypto';
import { toScryptOptions, type ScryptParams } from './vault-format.js';

const keyLengthInBytes = 32;

/**
 * The AES-256 key for one salt. The password is NFC-normalised first, so the same password typed on
 * terminals that compose accents differently (macOS NFD) opens the same values.
 */
export function deriveVaultKey(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Node's scrypt runs on the libuv pool, so several values derive in parallel off the event loop.
    scrypt(password.normalize('NFC'), salt, keyLengthInBytes, toScryptOptions(params), (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The blocking form, for start-up, where configuration loading is synchronous. */
export function deriveVaultKeySync(password: string, salt: Buffer, params: ScryptParams): Buffer {
  return scryptSync(password.normalize('NFC'), salt, keyLengthInBytes, toScryptOptions(params));
}
