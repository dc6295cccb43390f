import type { ChatResponse } from '../../spec/chat-response.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { ProviderAdapter, ProviderCall } from '../../spec/provider-adapter.js';
import { convertSynthesisResponse } from './convert-synthesis-response.js';
import { convertToSynthesisRequest } from './convert-to-synthesis-request.js';
import {
  createNoResultsResponse,
  createNoResultsStream,
  getNoResultsText,
} from './create-no-results-answer.js';
import { getSearchBackend } from './get-search-backend.js';
import { getSearchQuery } from './get-search-query.js';
import type { SearchAdapterOptions } from './search-config.js';
import type { SearchResult } from './search-result.js';
import { convertSynthesisStream } from './search-stream.js';
import { sendSearchRequest } from './send-search-request.js';

/**
 * The `search` provider: its models are web search backends (`bing`, `brave`, `searxng`). A call
 * searches the backend for the last user message with the call's credential, then has the injected
 * synthesizer write an answer from the numbered results, citing them as `[n]` (PROVIDERS.md §8).
 * Search failures are this provider's errors; synthesis failures pass through as the synthesis
 * provider's own.
 * @example
 * const search = createSearchAdapter({
 *   provider: 'search',
 *   endpoints: { brave: 'https://api.search.brave.com/res/v1/web/search' },
 *   maxResults: 5,
 *   synthesizer: { chat: (request, signal) => ..., chatStream: (request, signal) => ... },
 * });
 * await search.chat({ request, model: 'brave', credential: { id: 'search#1', apiKey }, baseUrl, signal });
 */
export function createSearchAdapter(options: SearchAdapterOptions): ProviderAdapter {
  async function search(
    call: ProviderCall,
  ): Promise<{ query: string; results: SearchResult[]; modelLabel: string }> {
    const { backend, endpoint } = getSearchBackend(options, call.model);
    const query = getSearchQuery(call.request, options.provider, call.model);
    const results = await sendSearchRequest(options, {
      backend,
      endpoint,
      query,
      credential: call.credential,
      signal: call.signal,
      headers: call.headers,
    });
    return { query, results, modelLabel: `${options.provider}/${backend}` };
  }

  return {
    provider: options.provider,

    async chat(call: ProviderCall): Promise<ChatResponse> {
      const found = await search(call);
      if (found.results.length === 0) {
        return createNoResultsResponse(found.modelLabel, getNoResultsText(found.query, call.model));
      }
      const response = await options.synthesizer.chat(
        convertToSynthesisRequest(call.request, found, false),
        call.signal,
      );
      return convertSynthesisResponse(response, found);
    },

    async chatStream(call: ProviderCall): Promise<AsyncIterable<ChatStreamPart>> {
      const found = await search(call);
      if (found.results.length === 0) {
        return createNoResultsStream(found.modelLabel, getNoResultsText(found.query, call.model));
      }
      const parts = await options.synthesizer.chatStream(
        convertToSynthesisRequest(call.request, found, true),
        call.signal,
      );
      return convertSynthesisStream(parts, found);
    },
  };
}
