import { ConfigError, type ConfigIssue } from './config-error.js';
import type { ConfigFile, ProviderFile } from './config-file-schema.js';
import { isEncryptedValue } from '../lib/is-encrypted-value.js';
import type { VaultReading } from './read-vault-config.js';

/**
 * The config file with every provider key that is an `enc:v1:` value (`apiKey`, `apiKeys`, `keys[].key`)
 * decrypted. A value that cannot be opened stops start-up with a ConfigError naming its exact place
 * (`providers.groq.apiKey`), like every other problem in the file.
 */
export function decryptFileKeys(file: ConfigFile, vault: VaultReading, source: string): ConfigFile {
  if (!file.providers) return file;
  const issues: ConfigIssue[] = [];
  const open = (value: string, path: string): string =>
    isEncryptedValue(value) ? (vault.open(value, path, issues) ?? value) : value;
  const providers: Record<string, ProviderFile> = {};
  for (const [name, provider] of Object.entries(file.providers)) {
    const path = `providers.${name}`;
    providers[name] = {
      ...provider,
      ...(provider.apiKey ? { apiKey: open(provider.apiKey, `${path}.apiKey`) } : {}),
      ...(provider.apiKeys
        ? { apiKeys: provider.apiKeys.map((key, index) => open(key, `${path}.apiKeys.${index}`)) }
        : {}),
      ...(provider.keys
        ? {
            keys: provider.keys.map((entry, index) => ({
              ...entry,
              key: open(entry.key, `${path}.keys.${index}.key`),
            })),
          }
        : {}),
    };
  }
  if (issues.length > 0) throw new ConfigError(source, issues);
  return { ...file, providers };
}
