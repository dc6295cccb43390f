import { describe, expect, it } from 'vitest';
import type { KeyConfig } from '../config/arbiter-config.js';
import { createSecretVault } from '../security/vault/create-secret-vault.js';
import { createMemoryProviderKeyStore } from '../store/memory/create-memory-provider-key-store.js';
import { createProviderKeyManager, type ProviderKeyManagerOptions } from './create-provider-key-manager.js';

const password = 'provider key manager password';
const vault = createSecretVault(password, { params: { logN: 10, r: 8, p: 1 } });
const clock = { now: () => 1_700_000_000_000, sleep: async () => undefined };

function setup(overrides: Partial<ProviderKeyManagerOptions> = {}) {
  const pools = new Map<string, readonly KeyConfig[]>();
  const owner = (name: string) => ({ setRuntimeKeys: (keys: readonly KeyConfig[]) => pools.set(name, keys) });
  const warnings: string[] = [];
  const secrets: string[][] = [];
  const options: ProviderKeyManagerOptions = {
    store: createMemoryProviderKeyStore(),
    providers: new Map([
      ['groq', owner('groq')],
      ['openai', owner('openai')],
    ]),
    masterPassword: password,
    vault,
    clock,
    onKeysChanged: (keys) => secrets.push(keys.flatMap((key) => key.apiKey ?? [])),
    reportWarning: (message) => warnings.push(message),
    ...overrides,
  };
  return { options, pools, warnings, secrets };
}

describe('createProviderKeyManager', () => {
  it('stores a key encrypted, puts it in its pool at once, and lists it without the key', async () => {
    const { options, pools, secrets } = setup();
    const manager = await createProviderKeyManager(options);
    const added = await manager.add({ provider: 'groq', key: 'gsk_runtime_key_0123456789', weight: 3 });
    expect(added).toEqual({
      id: expect.stringMatching(/^groq#[0-9a-f]{8}$/),
      provider: 'groq',
      weight: 3,
      createdAt: 1_700_000_000_000,
    });
    const [record] = await options.store.list();
    expect(record!.encryptedKey).toMatch(/^enc:v1:n10r8p1:/);
    expect(record!.encryptedKey).not.toContain('gsk_runtime_key');
    expect(pools.get('groq')).toEqual([{ id: added.id, apiKey: 'gsk_runtime_key_0123456789', weight: 3 }]);
    expect(pools.get('openai')).toEqual([]);
    expect(secrets.at(-1)).toEqual(['gsk_runtime_key_0123456789']);
    expect(manager.getWeight(added.id)).toBe(3);
    expect(JSON.stringify(await manager.list())).not.toContain('gsk_runtime_key');
  });

  it('removes a key from the store and the pool', async () => {
    const { options, pools } = setup();
    const manager = await createProviderKeyManager(options);
    const added = await manager.add({ provider: 'openai', key: 'sk-runtime-0123456789' });
    expect(await manager.remove(added.id)).toBe(true);
    expect(await manager.remove(added.id)).toBe(false);
    expect(pools.get('openai')).toEqual([]);
    expect(await manager.list()).toEqual([]);
  });

  it('loads stored keys into their pools at start-up, and reports those of providers not configured', async () => {
    const first = setup();
    const manager = await createProviderKeyManager(first.options);
    await manager.add({ provider: 'groq', key: 'gsk_stored_0123456789' });
    await first.options.store.put({
      id: 'mistral#00000000',
      provider: 'mistral',
      encryptedKey: await vault.encrypt('mistral-0123456789'),
      weight: 1,
      createdAt: 1,
    });
    const restarted = setup({ store: first.options.store });
    await createProviderKeyManager(restarted.options);
    expect(restarted.pools.get('groq')!.map((key) => key.apiKey)).toEqual(['gsk_stored_0123456789']);
    expect(restarted.warnings).toEqual([
      'stored provider key mistral#00000000 is not used: provider "mistral" is not configured',
    ]);
  });

  it('stops start-up on a stored key it cannot open, naming the key', async () => {
    const { options } = setup();
    await (await createProviderKeyManager(options)).add({ provider: 'groq', key: 'gsk_locked_0123456789' });
    const [record] = await options.store.list();
    await expect(
      createProviderKeyManager({ ...options, vault: createSecretVault('another password') }),
    ).rejects.toThrow(
      `stored provider key ${record!.id}: the master password is wrong or the value was tampered with`,
    );
    await expect(
      createProviderKeyManager({ ...options, vault: undefined, masterPassword: undefined }),
    ).rejects.toThrow(
      /holds 1 encrypted provider key\(s\) \(groq#[0-9a-f]{8}\) but no master password is configured/,
    );
  });

  it('refuses to store without a master password, or for a provider that is not configured', async () => {
    const withoutPassword = await createProviderKeyManager({
      ...setup().options,
      vault: undefined,
      masterPassword: undefined,
    });
    expect(withoutPassword.canStore).toBe(false);
    await expect(withoutPassword.add({ provider: 'groq', key: 'gsk_0123456789' })).rejects.toMatchObject({
      kind: 'master-password-missing',
    });
    const manager = await createProviderKeyManager(setup().options);
    await expect(manager.add({ provider: 'mistral', key: 'm-0123456789' })).rejects.toMatchObject({
      kind: 'provider-not-configured',
      message: expect.stringContaining('configured: groq, openai'),
    });
  });
});
