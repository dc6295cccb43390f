import type { Credential } from '../../spec/provider-adapter.js';
import type { SearchBackend } from './search-config.js';

/** Bing answers up to 50 results per page, Brave up to 20 (PROVIDERS.md §8.1, §8.2). */
const maxCountByBackend: Record<Exclude<SearchBackend, 'searxng'>, number> = { bing: 50, brave: 20 };

export interface SearchHttpRequest {
  url: string;
  headers: Record<string, string>;
}

/**
 * The GET request for one backend. Query parameters already in the configured endpoint (Bing's `mkt`,
 * Brave's `country`) are kept. No `Accept-Encoding`: undici hands bodies over as they arrive, undecoded.
 * @see ../../../../shared/protocols/PROVIDERS.md §8.1 (Bing), §8.2 (Brave), §8.4 (SearXNG)
 */
export function convertToSearchRequest(options: {
  backend: SearchBackend;
  endpoint: string;
  query: string;
  maxResults: number;
  credential: Credential;
  headers?: Readonly<Record<string, string>>;
}): SearchHttpRequest {
  const { backend, query, maxResults, credential } = options;
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  switch (backend) {
    case 'bing': {
      const url = new URL(options.endpoint);
      url.searchParams.set('q', query);
      url.searchParams.set('count', String(Math.min(maxResults, maxCountByBackend.bing)));
      // Plain snippets and only the web pages answer: the rest (news, facts, entities) is not read.
      url.searchParams.set('textDecorations', 'false');
      url.searchParams.set('responseFilter', 'Webpages');
      if (credential.apiKey) headers['ocp-apim-subscription-key'] = credential.apiKey;
      return { url: url.href, headers };
    }
    case 'brave': {
      const url = new URL(options.endpoint);
      url.searchParams.set('q', query);
      url.searchParams.set('count', String(Math.min(maxResults, maxCountByBackend.brave)));
      if (credential.apiKey) headers['x-subscription-token'] = credential.apiKey;
      return { url: url.href, headers };
    }
    case 'searxng': {
      // SEARXNG_URL is the instance's base; accept it with or without the `/search` path.
      const url = new URL(options.endpoint);
      if (!url.pathname.endsWith('/search')) url.pathname = url.pathname.replace(/\/+$/, '') + '/search';
      url.searchParams.set('q', query);
      // SearXNG has no result count parameter (PROVIDERS.md §8.4): results are cut to maxResults after.
      url.searchParams.set('format', 'json');
      return { url: url.href, headers };
    }
    default: {
      const _exhaustiveCheck: never = backend;
      throw new Error(`unknown search backend ${String(_exhaustiveCheck)}`);
    }
  }
}
