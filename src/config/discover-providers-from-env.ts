import type { ProviderConfig } from './arbiter-config.js';
import { createKeyConfig } from './create-key-config.js';
import { discoverSearchProvider } from './discover-search-provider.js';
import type { EnvReader } from './env-reader.js';
import { knownProviders, type KnownProvider } from './known-providers.js';

const defaultTimeoutInSeconds = 60;
/** Latest GA dated data-plane version (PROVIDERS.md §4.1); `v1` selects the GA `/openai/v1` path. */
const defaultAzureApiVersion = '2024-10-21';

/**
 * Zero-config discovery: every known provider with a key in the environment becomes a provider, with
 * `P_API_KEY` (several as `P_API_KEYS=k1,k2` or `P_API_KEY_2`, `P_API_KEY_3`…), `P_BASE_URL`, `P_MODEL`
 * and `P_TIMEOUT` (seconds). Providers without keys (Ollama) are configured by `P_BASE_URL` or `P_MODEL`.
 */
export function discoverProvidersFromEnv(reader: EnvReader): ProviderConfig[] {
  const providers: ProviderConfig[] = [];
  for (const known of knownProviders) {
    const prefix = known.envPrefix;
    const keys = readKeys(reader, known);
    const explicitBaseUrl = reader.string(`${prefix}_BASE_URL`, ...(known.baseUrlAliases ?? []));
    const explicitModel = reader.string(`${prefix}_MODEL`, ...(known.modelAliases ?? []));
    const isConfigured = known.needsKey
      ? keys.length > 0
      : keys.length > 0 || explicitBaseUrl !== undefined || explicitModel !== undefined;
    if (!isConfigured) continue;
    const baseUrlName = [`${prefix}_BASE_URL`, ...(known.baseUrlAliases ?? [])].find((name) =>
      reader.string(name),
    );
    const baseUrl = (baseUrlName ? reader.url(baseUrlName) : undefined) ?? known.defaultBaseUrl;
    if (baseUrl === undefined) {
      if (!baseUrlName) {
        reader.issues.push({
          path: known.baseUrlAliases?.[0] ?? `${prefix}_BASE_URL`,
          message: `is required with ${prefix}_API_KEY (the ${known.name} endpoint of your own resource)`,
        });
      }
      continue;
    }
    const defaultModel = explicitModel ?? known.defaultModel;
    const provider: ProviderConfig = {
      name: known.name,
      family: known.family,
      baseUrl,
      keys: (keys.length > 0 ? keys : [undefined]).map((key) => createKeyConfig(known.name, key)),
      defaultModel,
      models: [...new Set([...(defaultModel ? [defaultModel] : []), ...known.models])],
      timeoutInMs: 1000 * (reader.number([`${prefix}_TIMEOUT`], { min: 0.001 }) ?? defaultTimeoutInSeconds),
      headers: {},
    };
    if (known.family === 'azure')
      provider.azure = { apiVersion: reader.string(`${prefix}_API_VERSION`) ?? defaultAzureApiVersion };
    providers.push(provider);
  }
  const search = discoverSearchProvider(reader);
  if (search) providers.push(search);
  return providers;
}

/** All keys of a provider, deduplicated, in a stable order. */
function readKeys(reader: EnvReader, known: KnownProvider): string[] {
  const prefix = known.envPrefix;
  const numbered = Object.keys(reader.env)
    .map((name) => new RegExp(`^${prefix}_API_KEY_(\\d+)$`).exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((match) => reader.string(match[0]));
  const keys = [
    reader.string(`${prefix}_API_KEY`, ...(known.keyAliases ?? [])),
    ...reader.list(`${prefix}_API_KEYS`),
    ...numbered,
  ];
  return [...new Set(keys.filter((key): key is string => key !== undefined))];
}
