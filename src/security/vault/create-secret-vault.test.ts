import { describe, expect, it } from 'vitest';
import { createSecretVault } from './create-secret-vault.js';
import { decryptSecret } from './decrypt-secret.js';
import { encryptSecret } from './encrypt-secret.js';

describe('createSecretVault', () => {
  const password = 'vault password for the admin API';

  it('encrypts values any holder of the password can open, each with its own salt', async () => {
    const vault = createSecretVault(password, { params: { logN: 10, r: 8, p: 1 } });
    const first = await vault.encrypt('sk-first-key-0123456789');
    const second = await vault.encrypt('sk-first-key-0123456789');
    expect(first.split(':')[3]).not.toBe(second.split(':')[3]);
    expect(await decryptSecret(first, password)).toBe('sk-first-key-0123456789');
    expect(vault.decryptSync(second)).toBe('sk-first-key-0123456789');
    await expect(createSecretVault('another password').decrypt(first)).rejects.toThrow(/wrong/);
  });

  it('derives the key of a salt once: opening the same value again costs no scrypt', async () => {
    // Default parameters: one derivation is ~0.4 s here, an AES-GCM open is microseconds.
    const value = await encryptSecret('gsk_cached_key_0123456789', password);
    const vault = createSecretVault(password);
    let startedAt = performance.now();
    expect(await vault.decrypt(value)).toBe('gsk_cached_key_0123456789');
    const firstInMs = performance.now() - startedAt;
    startedAt = performance.now();
    expect(vault.decryptSync(value)).toBe('gsk_cached_key_0123456789');
    expect(await vault.decrypt(value)).toBe('gsk_cached_key_0123456789');
    const againInMs = performance.now() - startedAt;
    expect(firstInMs).toBeGreaterThan(50);
    expect(againInMs).toBeLessThan(firstInMs / 5);
  });

  it('keeps a failed derivation out of the cache', async () => {
    const vault = createSecretVault(password);
    await expect(
      vault.decrypt('enc:v1:n10r8p1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AA'),
    ).rejects.toThrow(/wrong or the value was tampered/);
  });
});
