import { createCipheriv, randomBytes } from 'node:crypto';
import { deriveVaultKey } from './derive-vault-key.js';
import {
  assertScryptParams,
  defaultScryptParams,
  formatEncryptedValue,
  formatVaultHeader,
  ivLengthInBytes,
  saltLengthInBytes,
  type ScryptParams,
} from './vault-format.js';

export interface EncryptSecretOptions {
  /** Default: `defaultScryptParams` (N=2^16, r=8, p=2). Tests use cheaper ones; the value records them. */
  params?: ScryptParams;
}

/**
 * Encrypts a secret under a master password: AES-256-GCM with a key derived by scrypt, a random salt and
 * IV for every value, and the header authenticated with the ciphertext. The result is self-describing.
 * @example const value = await encryptSecret('gsk_…', password); // 'enc:v1:n16r8p2:…'
 */
export async function encryptSecret(
  plaintext: string,
  password: string,
  options: EncryptSecretOptions = {},
): Promise<string> {
  if (plaintext.length === 0) throw new TypeError('there is nothing to encrypt: the secret is empty');
  if (password.length === 0) throw new TypeError('the master password is empty');
  const params = options.params ?? defaultScryptParams;
  assertScryptParams(params);
  const salt = randomBytes(saltLengthInBytes);
  const key = await deriveVaultKey(password, salt, params);
  return sealWithKey(plaintext, key, params, salt);
}

/** Encrypts with an already derived key (the vault reuses one salt's key only for decrypting). */
export function sealWithKey(plaintext: string, key: Buffer, params: ScryptParams, salt: Buffer): string {
  const iv = randomBytes(ivLengthInBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(formatVaultHeader(params, salt), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return formatEncryptedValue({ params, salt, iv, tag: cipher.getAuthTag(), ciphertext });
}
