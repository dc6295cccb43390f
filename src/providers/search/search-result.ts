import type { SearchBackend } from './search-config.js';

/**
 * One web result, whatever backend found it (PROVIDERS.md §8.5). Titles and snippets are plain text:
 * backends' highlighting markup is stripped before anything reads them.
 */
export interface SearchResult {
  title: string;
  url: string;
  snippet: string;
  /** ISO 8601 as the backend gave it: publication date, or Bing's last crawl date. */
  publishedAt?: string;
  source: SearchBackend;
}
