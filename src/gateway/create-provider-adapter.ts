import type { Dispatcher } from 'undici';
import type { ProviderConfig } from '../config/arbiter-config.js';
import {
  createOpenAICompatibleAdapter,
  getOpenAICompatibleHostHooks,
} from '../providers/openai-compatible/index.js';
import type { ProviderAdapter } from '../spec/provider-adapter.js';

/** The adapter for one configured provider, by its wire family. */
export function createProviderAdapter(provider: ProviderConfig, dispatcher: Dispatcher): ProviderAdapter {
  switch (provider.family) {
    case 'openai':
      return createOpenAICompatibleAdapter({
        provider: provider.name,
        dispatcher,
        ...getOpenAICompatibleHostHooks(provider.name),
      });
    case 'azure':
    case 'anthropic':
    case 'gemini':
    case 'ollama':
    case 'search':
      throw new Error(
        `provider "${provider.name}": the ${provider.family} family is not available in this build`,
      );
    default: {
      const _exhaustiveCheck: never = provider.family;
      throw new Error(`unknown provider family ${String(_exhaustiveCheck)}`);
    }
  }
}
