import type { KeyConfig } from '../config/arbiter-config.js';
import { createKeyConfig } from '../config/create-key-config.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { createSecretVault, type SecretVault } from '../security/vault/create-secret-vault.js';
import type { ProviderKeyRecord, ProviderKeyStore } from '../store/provider-key-store.js';

/** A provider key in the store as the admin API shows it: its safe id, never the key. */
export interface StoredProviderKey {
  id: string;
  provider: string;
  weight: number;
  /** Unix milliseconds. */
  createdAt: number;
}

/** Why a key cannot be added: no master password to encrypt it with, or no such configured provider. */
export class ProviderKeyError extends Error {
  override readonly name = 'ProviderKeyError';
  constructor(
    readonly kind: 'master-password-missing' | 'provider-not-configured',
    message: string,
  ) {
    super(message);
  }
}

/** Provider keys added at run time (admin API): stored encrypted, in their provider's pool at once. */
export interface ProviderKeyManager {
  /** False without a master password: a key is stored encrypted or not at all. */
  readonly canStore: boolean;
  /** Encrypts and stores the key (replacing one with the same id), then adds it to the pool. */
  add(input: { provider: string; key: string; weight?: number }): Promise<StoredProviderKey>;
  /** Oldest first. */
  list(): Promise<StoredProviderKey[]>;
  /** Removes the key from the store and from its pool; false when no stored key has this id. */
  remove(id: string): Promise<boolean>;
  /** The weight of a stored key in its pool (undefined for keys from the configuration). */
  getWeight(keyId: string): number | undefined;
}

/** A provider whose key pool takes keys at run time (see createRoutableProvider). */
export interface KeyPoolOwner {
  setRuntimeKeys(keys: readonly KeyConfig[]): void;
}

export interface ProviderKeyManagerOptions {
  store: ProviderKeyStore;
  /** Configured providers by name: only they take keys. */
  providers: ReadonlyMap<string, KeyPoolOwner>;
  masterPassword?: string;
  /** Told the decrypted run-time keys after every change (the redactor must know them). */
  onKeysChanged(keys: readonly KeyConfig[]): void;
  /** Told about stored keys whose provider is not configured in this process. */
  reportWarning(message: string): void;
  clock?: Clock;
  /** Default: a vault on `masterPassword` with the default scrypt parameters. */
  vault?: SecretVault;
}

/**
 * Loads the stored provider keys into their providers' pools and keeps them in step with the admin API.
 * A stored key that cannot be decrypted stops start-up with its id, like an encrypted variable would;
 * one whose provider is not configured here is reported and left in the store. Other instances sharing
 * the store see a change when they restart.
 */
export async function createProviderKeyManager(
  options: ProviderKeyManagerOptions,
): Promise<ProviderKeyManager> {
  const { store, providers, masterPassword } = options;
  const clock = options.clock ?? systemClock;
  const vault = options.vault ?? (masterPassword ? createSecretVault(masterPassword) : undefined);
  const runtime = new Map<string, { provider: string; key: KeyConfig }>();

  function publish(): void {
    const entries = [...runtime.values()];
    for (const [name, provider] of providers)
      provider.setRuntimeKeys(entries.filter((entry) => entry.provider === name).map((entry) => entry.key));
    options.onKeysChanged(entries.map((entry) => entry.key));
  }

  for (const { record, key } of await openStoredKeys(await store.list(), vault)) {
    if (!providers.has(record.provider)) {
      options.reportWarning(
        `stored provider key ${record.id} is not used: provider "${record.provider}" is not configured`,
      );
      continue;
    }
    runtime.set(record.id, {
      provider: record.provider,
      key: createKeyConfig(record.provider, key, record.weight),
    });
  }
  publish();

  return {
    canStore: vault !== undefined,
    async add({ provider, key, weight = 1 }) {
      if (!vault) {
        throw new ProviderKeyError(
          'master-password-missing',
          'Provider keys are stored encrypted, and no master password is configured: start Arbiter with MASTER_PASSWORD (or MASTER_PASSWORD_FILE).',
        );
      }
      if (!providers.has(provider)) {
        throw new ProviderKeyError(
          'provider-not-configured',
          `"${provider}" is not a configured provider (configured: ${[...providers.keys()].join(', ') || 'none'}); configure it first, then add keys to its pool.`,
        );
      }
      const config = createKeyConfig(provider, key, weight);
      const record = {
        id: config.id,
        provider,
        encryptedKey: await vault.encrypt(key),
        weight,
        createdAt: clock.now(),
      };
      await store.put(record);
      runtime.set(config.id, { provider, key: config });
      publish();
      return { id: record.id, provider, weight, createdAt: record.createdAt };
    },
    async list() {
      return (await store.list()).map(({ id, provider, weight, createdAt }) => ({
        id,
        provider,
        weight,
        createdAt,
      }));
    },
    async remove(id) {
      const existed = await store.delete(id);
      if (runtime.delete(id)) publish();
      return existed;
    },
    getWeight: (keyId) => runtime.get(keyId)?.key.weight,
  };
}

/** Every stored key decrypted, in parallel (scrypt runs on the libuv pool); any failure names the key. */
async function openStoredKeys(records: readonly ProviderKeyRecord[], vault: SecretVault | undefined) {
  if (records.length === 0) return [];
  if (!vault) {
    const ids = records.map((record) => record.id).join(', ');
    throw new Error(
      `the store holds ${records.length} encrypted provider key(s) (${ids}) but no master password is configured: set MASTER_PASSWORD or MASTER_PASSWORD_FILE`,
    );
  }
  return Promise.all(
    records.map(async (record) => {
      try {
        return { record, key: await vault.decrypt(record.encryptedKey) };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`stored provider key ${record.id}: ${reason}`);
      }
    }),
  );
}
