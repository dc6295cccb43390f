import { randomBytes } from 'node:crypto';
import { openWithKey } from './decrypt-secret.js';
import { deriveVaultKey, deriveVaultKeySync } from './derive-vault-key.js';
import { sealWithKey } from './encrypt-secret.js';
import {
  assertScryptParams,
  defaultScryptParams,
  formatVaultHeader,
  parseEncryptedValue,
  saltLengthInBytes,
  type ScryptParams,
} from './vault-format.js';

/** Encrypts and decrypts under one master password, deriving each salt's key once. */
export interface SecretVault {
  /** A new value with a fresh random salt and IV. */
  encrypt(plaintext: string): Promise<string>;
  /** Throws a VaultError, like decryptSecret. */
  decrypt(value: string): Promise<string>;
  /** The blocking form, for start-up. */
  decryptSync(value: string): string;
}

export interface SecretVaultOptions {
  /** For new values; default `defaultScryptParams`. */
  params?: ScryptParams;
  /** Derived keys kept, oldest dropped first (default 256). */
  maxCachedKeys?: number;
}

/**
 * A vault bound to the master password. scrypt is deliberately slow, so a key derived for a salt is kept
 * (by the value's header, which names the parameters and the salt): re-reading the stored keys after a
 * change, or the same value in two places, costs one AES operation instead of another derivation.
 * @example const vault = createSecretVault(password); const value = await vault.encrypt('gsk_…');
 */
export function createSecretVault(password: string, options: SecretVaultOptions = {}): SecretVault {
  if (password.length === 0) throw new TypeError('the master password is empty');
  const params = options.params ?? defaultScryptParams;
  assertScryptParams(params);
  const maxCachedKeys = options.maxCachedKeys ?? 256;
  const keys = new Map<string, Promise<Buffer> | Buffer>();

  function remember(header: string, key: Promise<Buffer> | Buffer): void {
    keys.set(header, key);
    if (keys.size > maxCachedKeys) keys.delete(keys.keys().next().value!);
  }

  return {
    async encrypt(plaintext) {
      if (plaintext.length === 0) throw new TypeError('there is nothing to encrypt: the secret is empty');
      const salt = randomBytes(saltLengthInBytes);
      const key = await deriveVaultKey(password, salt, params);
      remember(formatVaultHeader(params, salt), key);
      return sealWithKey(plaintext, key, params, salt);
    },
    async decrypt(value) {
      const parsed = parseEncryptedValue(value);
      let key = keys.get(parsed.header);
      if (!key) {
        const deriving = deriveVaultKey(password, parsed.salt, parsed.params);
        remember(parsed.header, deriving);
        key = deriving;
        // Settled, the key replaces its promise (decryptSync can use it); a failure is not kept.
        deriving.then(
          (derived) => keys.get(parsed.header) === deriving && keys.set(parsed.header, derived),
          () => keys.delete(parsed.header),
        );
      }
      return openWithKey(parsed, await key);
    },
    decryptSync(value) {
      const parsed = parseEncryptedValue(value);
      const cached = keys.get(parsed.header);
      const key =
        cached instanceof Buffer ? cached : deriveVaultKeySync(password, parsed.salt, parsed.params);
      if (!cached) remember(parsed.header, key);
      return openWithKey(parsed, key);
    },
  };
}
