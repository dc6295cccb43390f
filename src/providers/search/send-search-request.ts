import type { Credential } from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import {
  parseJSONOrUndefined,
  readBodyText,
  sendHttpRequest,
  type HttpResponse,
} from '../../lib/http-request.js';
import { convertBingResults } from './convert-bing-results.js';
import { convertBraveResults } from './convert-brave-results.js';
import { convertSearxngResults } from './convert-searxng-results.js';
import { convertToSearchRequest } from './convert-to-search-request.js';
import type { SearchAdapterOptions, SearchBackend } from './search-config.js';
import { convertSearchError } from './search-error.js';
import type { SearchResult } from './search-result.js';

export interface SearchCall {
  backend: SearchBackend;
  endpoint: string;
  query: string;
  credential: Credential;
  signal: AbortSignal;
  headers?: Readonly<Record<string, string>>;
}

/**
 * One search: the backend's GET request, its failures as ProviderErrors, its results normalised,
 * deduplicated by URL and cut to `maxResults`.
 */
export async function sendSearchRequest(
  options: SearchAdapterOptions,
  call: SearchCall,
): Promise<SearchResult[]> {
  const { provider } = options;
  const http = convertToSearchRequest({ ...call, maxResults: options.maxResults });
  let response: HttpResponse;
  let text: string;
  try {
    response = await sendHttpRequest({
      url: http.url,
      method: 'GET',
      headers: http.headers,
      signal: call.signal,
      dispatcher: options.dispatcher,
    });
    // undici does not follow redirects, so a 3xx (SearXNG sends HTML users to its index) is a failure too.
    if (response.status >= 300) {
      const bodyText = await readBodyText(response.body);
      throw convertSearchError({
        provider,
        backend: call.backend,
        status: response.status,
        headers: response.headers,
        bodyText,
      });
    }
    text = await response.body.text();
  } catch (error) {
    throw convertNetworkError(error, provider, call.signal);
  }
  const results = convertResults(call.backend, parseJSONOrUndefined(text), provider);
  const seen = new Set<string>();
  return results
    .filter((result) => !seen.has(result.url) && seen.add(result.url))
    .slice(0, options.maxResults);
}

function convertResults(backend: SearchBackend, body: unknown, provider: string): SearchResult[] {
  const fail = (message: string) =>
    new ProviderError({ kind: 'server', provider, message: `${backend}: ${message}` });
  if (body === undefined) throw fail('the search answer is not JSON');
  if (backend === 'searxng') {
    const converted = convertSearxngResults(body);
    if (!converted) throw fail('the answer is not a SearXNG search response');
    // No results because every engine failed is an outage, not an empty web.
    if (converted.results.length === 0 && converted.unresponsiveEngines.length > 0) {
      throw fail(`no engine answered: ${converted.unresponsiveEngines.join(', ')}`);
    }
    return converted.results;
  }
  const results = backend === 'bing' ? convertBingResults(body) : convertBraveResults(body);
  if (!results) throw fail(`the answer is not a ${backend === 'bing' ? 'Bing' : 'Brave'} search response`);
  return results;
}
