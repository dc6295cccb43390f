/**
 * True for a value written by `arbiter keys encrypt` (`enc:v1:…`, or a later version this build may not
 * read): such a value is decrypted or refused, never sent to a provider as if it were a key.
 */
export function isEncryptedValue(value: string): boolean {
  return /^enc:v\d+:/.test(value.trim());
}
