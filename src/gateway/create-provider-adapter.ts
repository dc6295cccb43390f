import type { Dispatcher } from 'undici';
import type { ProviderConfig } from '../config/arbiter-config.js';
import { createAnthropicAdapter } from '../providers/anthropic/index.js';
import { createAzureAdapter } from '../providers/azure/index.js';
import { createGeminiAdapter } from '../providers/gemini/index.js';
import { createOllamaAdapter } from '../providers/ollama/index.js';
import {
  createOpenAICompatibleAdapter,
  getOpenAICompatibleHostHooks,
} from '../providers/openai-compatible/index.js';
import { createSearchAdapter, type SearchSynthesizer } from '../providers/search/index.js';
import type { ProviderAdapter } from '../spec/provider-adapter.js';
import type { ProviderId } from '../spec/provider-id.js';

/**
 * The adapter for one configured provider, by its wire family. `getSearchSynthesizer` gives the search
 * family the route that writes its answers (built by the gateway, which exists only after its adapters).
 */
export function createProviderAdapter(
  provider: ProviderConfig,
  dispatcher: Dispatcher,
  getSearchSynthesizer?: (provider: ProviderId, synthesisModel: string) => SearchSynthesizer,
): ProviderAdapter {
  switch (provider.family) {
    case 'openai':
      return createOpenAICompatibleAdapter({
        provider: provider.name,
        dispatcher,
        ...getOpenAICompatibleHostHooks(provider.name),
      });
    case 'anthropic':
      return createAnthropicAdapter({ provider: provider.name, dispatcher });
    case 'azure':
      return createAzureAdapter({
        provider: provider.name,
        dispatcher,
        apiVersion: provider.azure?.apiVersion ?? '2024-10-21',
      });
    case 'ollama':
      return createOllamaAdapter({ provider: provider.name, dispatcher });
    case 'gemini':
      return createGeminiAdapter({ provider: provider.name, dispatcher });
    case 'search':
      if (!provider.search || !getSearchSynthesizer) {
        throw new Error(
          `provider "${provider.name}": search backends come from SEARCH_API_KEY, BRAVE_API_KEY or SEARXNG_URL, and the gateway must supply a synthesizer`,
        );
      }
      return createSearchAdapter({
        provider: provider.name,
        dispatcher,
        endpoints: provider.search.endpoints,
        maxResults: provider.search.maxResults,
        synthesizer: getSearchSynthesizer(provider.name, provider.search.synthesisModel),
      });
    default: {
      const _exhaustiveCheck: never = provider.family;
      throw new Error(`unknown provider family ${String(_exhaustiveCheck)}`);
    }
  }
}
