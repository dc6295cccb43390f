import { describe, expect, it } from 'vitest';
import { decryptSecret, decryptSecretSync } from './decrypt-secret.js';
import { encryptSecret } from './encrypt-secret.js';
import { isVaultError, type VaultErrorKind } from './vault-error.js';
import { defaultScryptParams, type ScryptParams } from './vault-format.js';

/** Cheap parameters keep these tests fast; the value records them, so decrypting needs no option. */
const fast: ScryptParams = { logN: 10, r: 8, p: 1 };
const password = 'correct horse battery staple';
const key = 'gsk_live_0123456789abcdefghijklmnop';

async function expectVaultError(promise: Promise<unknown>, kind: VaultErrorKind): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(isVaultError(error), String(error)).toBe(true);
  expect((error as { kind: string }).kind).toBe(kind);
  const message = (error as Error).message;
  expect(message).not.toContain(key);
  expect(message).not.toContain(password);
  return message;
}

/** The value with one character of part `index` (0 = "enc") changed to another base64url character. */
function tamper(value: string, index: number): string {
  const parts = value.split(':');
  const part = parts[index]!;
  const position = Math.floor(part.length / 2);
  const replacement = part[position] === 'A' ? 'B' : 'A';
  parts[index] = part.slice(0, position) + replacement + part.slice(position + 1);
  return parts.join(':');
}

describe('the provider-key vault (enc:v1: values)', () => {
  it('round-trips a key, with the default scrypt parameters recorded in the value', async () => {
    const value = await encryptSecret(key, password);
    expect(value).toMatch(/^enc:v1:n16r8p2:[\w-]{22}:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(defaultScryptParams).toEqual({ logN: 16, r: 8, p: 2 });
    expect(value).not.toContain(key);
    expect(await decryptSecret(value, password)).toBe(key);
  });

  it('uses a fresh salt and IV for every value, and the sync and async forms agree', async () => {
    const first = await encryptSecret(key, password, { params: fast });
    const second = await encryptSecret(key, password, { params: fast });
    const [, , , saltA, ivA] = first.split(':');
    const [, , , saltB, ivB] = second.split(':');
    expect(saltA).not.toBe(saltB);
    expect(ivA).not.toBe(ivB);
    expect(decryptSecretSync(first, password)).toBe(key);
    expect(await decryptSecret(second, password)).toBe(key);
  });

  it('refuses a wrong password with a message that names neither the key nor the password', async () => {
    const value = await encryptSecret(key, password, { params: fast });
    const message = await expectVaultError(
      decryptSecret(value, 'Correct horse battery staple'),
      'wrong-password-or-tampered',
    );
    expect(message).toBe('the master password is wrong or the value was tampered with');
    expect(() => decryptSecretSync(value, 'nope')).toThrow(/master password is wrong/);
  });

  it('detects a changed byte in the ciphertext, the tag, the IV, the salt or the parameters', async () => {
    const value = await encryptSecret(key, password, { params: fast });
    for (const part of [3, 4, 5, 6])
      await expectVaultError(decryptSecret(tamper(value, part), password), 'wrong-password-or-tampered');
    // Other valid parameters derive another key; the header is also authenticated.
    await expectVaultError(
      decryptSecret(value.replace(':n10r8p1:', ':n10r8p2:'), password),
      'wrong-password-or-tampered',
    );
  });

  it('says what is wrong with a malformed or unknown value without deriving anything', async () => {
    const value = await encryptSecret(key, password, { params: fast });
    const cases: Array<[string, VaultErrorKind, RegExp]> = [
      ['gsk_plain_key_pasted_here', 'malformed', /should start with enc:v1:/],
      [value.split(':').slice(0, 6).join(':'), 'malformed', /6 parts .* instead of 7/],
      [value.replace('enc:v1:', 'enc:v2:'), 'unsupported-version', /format v2.*upgrade Arbiter/],
      [value.replace(':n10r8p1:', ':n30r8p1:'), 'malformed', /outside the accepted range/],
      [value.replace(':n10r8p1:', ':fast:'), 'malformed', /form n16r8p2/],
      [tamper(value, 4).replace(/:([\w-]+):([\w-]+)$/, ':$1+:$2'), 'malformed', /not base64url/],
    ];
    for (const [input, kind, pattern] of cases) {
      expect(await expectVaultError(decryptSecret(input, password), kind)).toMatch(pattern);
    }
  });

  it('opens a value whatever Unicode normalisation the terminal used for the password', async () => {
    const composed = 'contraseña-segura';
    const value = await encryptSecret(key, composed.normalize('NFC'), { params: fast });
    expect(await decryptSecret(value, composed.normalize('NFD'))).toBe(key);
  });

  it('refuses to encrypt an empty key or with an empty password', async () => {
    await expect(encryptSecret('', password)).rejects.toThrow(/empty/);
    await expect(encryptSecret(key, '')).rejects.toThrow(/empty/);
  });
});
