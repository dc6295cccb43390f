import type { ProviderConfig } from './arbiter-config.js';
import { createKeyConfig } from './create-key-config.js';
import type { EnvReader } from './env-reader.js';
import { knownProviders, type KnownProvider } from './known-providers.js';

const defaultTimeoutInSeconds = 60;

/**
 * Zero-config discovery: every known provider with a key in the environment becomes a provider, with
 * `P_API_KEY` (several as `P_API_KEYS=k1,k2` or `P_API_KEY_2`, `P_API_KEY_3`…), `P_BASE_URL`, `P_MODEL`
 * and `P_TIMEOUT` (seconds).
 */
export function discoverProvidersFromEnv(reader: EnvReader): ProviderConfig[] {
  const providers: ProviderConfig[] = [];
  for (const known of knownProviders) {
    const keys = readKeys(reader, known);
    if (keys.length === 0 && known.needsKey) continue;
    const defaultModel = reader.string(`${known.envPrefix}_MODEL`) ?? known.defaultModel;
    providers.push({
      name: known.name,
      family: known.family,
      baseUrl: reader.url(`${known.envPrefix}_BASE_URL`) ?? known.defaultBaseUrl,
      keys: (keys.length > 0 ? keys : [undefined]).map((key) => createKeyConfig(known.name, key)),
      defaultModel,
      models: [...new Set([defaultModel, ...known.models])],
      timeoutInMs:
        1000 * (reader.number([`${known.envPrefix}_TIMEOUT`], { min: 0.001 }) ?? defaultTimeoutInSeconds),
      headers: {},
    });
  }
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
