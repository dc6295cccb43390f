import type { Dispatcher } from 'undici';
import type { ProviderAdapter } from '../../spec/provider-adapter.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { createOpenAICompatibleAdapter } from '../openai-compatible/index.js';
import { convertAzureError } from './azure-error.js';
import { defaultAzureApiVersion, getAzureUrl } from './get-azure-url.js';

export interface AzureAdapterOptions {
  /** The configured provider name, used in errors and outcomes (`azure`). */
  provider: ProviderId;
  /** Keep-alive pool for upstream calls. */
  dispatcher?: Dispatcher;
  /** A dated data-plane version (`2024-10-21`, `2025-04-01-preview`) or `v1` for the GA `/openai/v1` path. */
  apiVersion?: string;
}

/**
 * An adapter for Azure OpenAI (PROVIDERS.md §4): the OpenAI-compatible base with Azure's URLs (the
 * call's model is the deployment name), the `api-key` header instead of Bearer, and Azure's error
 * messages made actionable. Responses are OpenAI's with extras: Azure's first stream chunk (`choices:
 * []`, empty id and model) is skipped by the base converter; `content_filter_results` and
 * `prompt_filter_results` stay on non-streamed responses as provider extras (they explain a
 * `content_filter` finish) and have no stream part, so streams drop them. `/models` is not offered:
 * Azure lists base models there, not the deployments this adapter is called with.
 * @example
 * const azure = createAzureAdapter({ provider: 'azure', apiVersion: '2024-10-21' });
 * await azure.chat({ request, model: 'my-gpt-4o-deployment', baseUrl: 'https://my-resource.openai.azure.com',
 *   credential: { id: 'azure#1', apiKey }, signal });
 */
export function createAzureAdapter(options: AzureAdapterOptions): ProviderAdapter {
  const apiVersion = options.apiVersion ?? defaultAzureApiVersion;
  const base = createOpenAICompatibleAdapter({
    provider: options.provider,
    dispatcher: options.dispatcher,
    buildUrl: (baseUrl, path, model) => getAzureUrl(baseUrl, path, model, apiVersion),
    getAuthHeaders: (credential): Record<string, string> =>
      credential.apiKey ? { 'api-key': credential.apiKey } : {},
  });
  const rethrow = (deployment: string) => (error: unknown) => {
    throw convertAzureError(error, deployment, apiVersion);
  };
  return {
    provider: options.provider,
    chat: (call) => base.chat(call).catch(rethrow(call.model)),
    chatStream: (call) => base.chatStream(call).catch(rethrow(call.model)),
    embed: (call) => base.embed!(call).catch(rethrow(call.model)),
  };
}
