import { ProviderError } from '../../spec/provider-error.js';
import type { SearchAdapterOptions, SearchBackend } from './search-config.js';

const backends: readonly SearchBackend[] = ['bing', 'brave', 'searxng'];

/** The backend a call's model names and its configured endpoint; `not-found` when it is not configured. */
export function getSearchBackend(
  options: SearchAdapterOptions,
  model: string,
): { backend: SearchBackend; endpoint: string } {
  const backend = backends.find((candidate) => candidate === model);
  const endpoint = backend === undefined ? undefined : options.endpoints[backend];
  if (backend === undefined || endpoint === undefined) {
    const configured = Object.keys(options.endpoints).join(', ') || 'none';
    throw new ProviderError({
      kind: 'not-found',
      provider: options.provider,
      param: 'model',
      message: `${options.provider} has no search backend "${model}" (configured: ${configured})`,
    });
  }
  return { backend, endpoint };
}
