import type { ProviderConfig } from './arbiter-config.js';
import type { ConfigIssue } from './config-error.js';
import type { ProviderFile } from './config-file-schema.js';
import { createKeyConfig } from './create-key-config.js';
import { getKnownProvider } from './known-providers.js';

/**
 * Adds the config file's providers to those found in the environment. For a provider in both, the file's
 * fields win and the environment fills the rest (a file can set models while the key stays in the env).
 */
export function mergeFileProviders(
  fromEnv: ProviderConfig[],
  fromFile: Record<string, ProviderFile>,
  issues: ConfigIssue[],
): ProviderConfig[] {
  const providers = new Map(fromEnv.map((provider) => [provider.name, provider]));
  for (const [name, file] of Object.entries(fromFile)) {
    const path = `providers.${name}`;
    if (file.enabled === false) {
      providers.delete(name);
      continue;
    }
    const known = getKnownProvider(name);
    const existing = providers.get(name);
    const baseUrl = file.baseUrl ?? existing?.baseUrl ?? known?.defaultBaseUrl;
    if (baseUrl === undefined) {
      issues.push({
        path: `${path}.baseUrl`,
        message: `is required for "${name}", which is not a built-in provider`,
      });
      continue;
    }
    const family = file.family ?? known?.family ?? 'openai';
    const fileKeys = [
      ...(file.apiKey ? [{ key: file.apiKey, weight: 1 }] : []),
      ...(file.apiKeys ?? []).map((key) => ({ key, weight: 1 })),
      ...(file.keys ?? []).map((entry) => ({ key: entry.key, weight: entry.weight ?? 1 })),
    ];
    const keys =
      fileKeys.length > 0
        ? fileKeys.map((entry) => createKeyConfig(name, entry.key, entry.weight))
        : (existing?.keys ?? []);
    if (keys.length === 0 && known?.needsKey !== false && family !== 'ollama') {
      issues.push({
        path,
        message: `has no API key: set apiKey in the file or ${known?.envPrefix ?? name.toUpperCase().replace(/-/g, '_')}_API_KEY`,
      });
      continue;
    }
    const defaultModel =
      file.defaultModel ?? existing?.defaultModel ?? known?.defaultModel ?? file.models?.[0];
    const models = [...(file.models ?? []), ...(existing?.models ?? known?.models ?? [])];
    providers.set(name, {
      name,
      family,
      baseUrl,
      keys: keys.length > 0 ? keys : [createKeyConfig(name, undefined)],
      defaultModel,
      models: [...new Set(defaultModel ? [defaultModel, ...models] : models)],
      timeoutInMs: file.timeout !== undefined ? file.timeout * 1000 : (existing?.timeoutInMs ?? 60_000),
      headers: { ...existing?.headers, ...file.headers },
      ...(family === 'azure'
        ? { azure: { apiVersion: file.apiVersion ?? existing?.azure?.apiVersion ?? '2024-10-21' } }
        : {}),
      ...(existing?.search ? { search: existing.search } : {}),
      ...(file.limits ? { limits: file.limits } : {}),
    });
  }
  return [...providers.values()];
}
