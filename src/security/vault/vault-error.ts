/** Why an `enc:v1:` value could not be opened. */
export type VaultErrorKind =
  /** GCM authentication failed: the password differs from the one used to encrypt, or a byte changed. */
  | 'wrong-password-or-tampered'
  /** Not an `enc:vN:` value at all, or one with missing, badly encoded or out-of-range parts. */
  | 'malformed'
  /** An `enc:vN:` value of a version this build cannot read. */
  | 'unsupported-version';

/**
 * A value the vault cannot open. The message is safe to show and log: it never contains the value, the
 * plaintext or the password, so callers prefix it with the place the value came from
 * (`GROQ_API_KEY_ENCRYPTED: the master password is wrong or the value was tampered with`).
 */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly kind: VaultErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function isVaultError(error: unknown): error is VaultError {
  return error instanceof VaultError;
}
