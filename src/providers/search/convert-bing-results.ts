import { bingSearchResponseSchema, bingWebPageSchema } from './search-api.js';
import type { SearchResult } from './search-result.js';
import { stripSearchHtml } from './strip-search-html.js';

/**
 * Bing v7's web pages as results: `name`, `url`, `snippet`, and `dateLastCrawled` as the only date Bing
 * gives (PROVIDERS.md §8.5). A response without `webPages` found nothing. Returns undefined when the body
 * is not a search response at all.
 */
export function convertBingResults(body: unknown): SearchResult[] | undefined {
  const parsed = bingSearchResponseSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const results: SearchResult[] = [];
  for (const item of parsed.data.webPages?.value ?? []) {
    const page = bingWebPageSchema.safeParse(item);
    if (!page.success) continue;
    results.push({
      title: stripSearchHtml(page.data.name ?? page.data.url),
      url: page.data.url,
      snippet: stripSearchHtml(page.data.snippet ?? ''),
      ...(page.data.dateLastCrawled ? { publishedAt: page.data.dateLastCrawled } : {}),
      source: 'bing',
    });
  }
  return results;
}
