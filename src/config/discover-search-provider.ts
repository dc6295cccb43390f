import type { KeyConfig, ProviderConfig, SearchBackend } from './arbiter-config.js';
import { createKeyConfig } from './create-key-config.js';
import type { EnvReader } from './env-reader.js';

/**
 * Bing Web Search v7 was retired by Microsoft in August 2025 (PROVIDERS.md §8.1): its endpoint stays
 * overridable (`SEARCH_BASE_URL`) for compatible services and legacy contracts.
 */
const defaultEndpoints: Record<Exclude<SearchBackend, 'searxng'>, string> = {
  bing: 'https://api.bing.microsoft.com/v7.0/search',
  brave: 'https://api.search.brave.com/res/v1/web/search',
};

/**
 * The `search` provider, whose models are the configured backends: `search/bing` (`SEARCH_API_KEY`,
 * `SEARCH_BASE_URL`), `search/brave` (`BRAVE_API_KEY`), `search/searxng` (`SEARXNG_URL`, self-hosted, no
 * key). Each backend's key serves only its own model.
 */
export function discoverSearchProvider(reader: EnvReader): ProviderConfig | undefined {
  const endpoints: Partial<Record<SearchBackend, string>> = {};
  const keys: KeyConfig[] = [];
  const bingKey = reader.string('SEARCH_API_KEY', 'BING_API_KEY');
  if (bingKey) {
    endpoints.bing = reader.url('SEARCH_BASE_URL') ?? defaultEndpoints.bing;
    keys.push({ ...createKeyConfig('search', bingKey), models: ['bing'] });
  }
  const braveKey = reader.string('BRAVE_API_KEY');
  if (braveKey) {
    endpoints.brave = reader.url('BRAVE_BASE_URL') ?? defaultEndpoints.brave;
    keys.push({ ...createKeyConfig('search', braveKey), models: ['brave'] });
  }
  const searxngUrl = reader.url('SEARXNG_URL');
  if (searxngUrl) {
    endpoints.searxng = searxngUrl;
    keys.push({ ...createKeyConfig('search', undefined), id: 'search#searxng', models: ['searxng'] });
  }
  const models = Object.keys(endpoints);
  if (models.length === 0) return undefined;
  return {
    name: 'search',
    family: 'search',
    baseUrl: endpoints[models[0] as SearchBackend]!,
    keys,
    defaultModel: models[0],
    models,
    timeoutInMs: 1000 * (reader.number(['SEARCH_TIMEOUT'], { min: 0.001 }) ?? 60),
    headers: {},
    search: {
      endpoints,
      synthesisModel: reader.string('SEARCH_SYNTHESIS_MODEL') ?? 'auto',
      maxResults: reader.number(['SEARCH_MAX_RESULTS'], { min: 1, max: 20, isInteger: true }) ?? 5,
    },
  };
}
