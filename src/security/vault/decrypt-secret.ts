import { createDecipheriv } from 'node:crypto';
import { deriveVaultKey, deriveVaultKeySync } from './derive-vault-key.js';
import { VaultError } from './vault-error.js';
import { parseEncryptedValue, type EncryptedValue } from './vault-format.js';

/**
 * Opens an `enc:v1:` value with the master password. Throws a VaultError: `wrong-password-or-tampered`
 * when GCM authentication fails (a wrong password and a changed byte are indistinguishable by design),
 * `malformed` or `unsupported-version` before any key is derived.
 * @example const key = await decryptSecret(process.env.GROQ_API_KEY_ENCRYPTED, password);
 */
export async function decryptSecret(value: string, password: string): Promise<string> {
  const parsed = parseEncryptedValue(value);
  return openWithKey(parsed, await deriveVaultKey(password, parsed.salt, parsed.params));
}

/** The blocking form, for start-up, where configuration loading is synchronous. */
export function decryptSecretSync(value: string, password: string): string {
  const parsed = parseEncryptedValue(value);
  return openWithKey(parsed, deriveVaultKeySync(password, parsed.salt, parsed.params));
}

/** Decrypts and authenticates a parsed value with its derived key. */
export function openWithKey(value: EncryptedValue, key: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, value.iv);
  decipher.setAAD(Buffer.from(value.header, 'utf8'));
  decipher.setAuthTag(value.tag);
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(value.ciphertext), decipher.final()]);
  } catch {
    throw new VaultError(
      'wrong-password-or-tampered',
      'the master password is wrong or the value was tampered with',
    );
  }
  return plaintext.toString('utf8');
}
