import { braveSearchResponseSchema, braveWebResultSchema } from './search-api.js';
import type { SearchResult } from './search-result.js';
import { stripSearchHtml } from './strip-search-html.js';

/**
 * Brave's web results: `title`, `url`, `description` (with its `<strong>` markup stripped, PROVIDERS.md
 * §8.5) and `page_age`. Extra snippets, when the plan returns them, lengthen the snippet. A response
 * without `web` found nothing; undefined when the body is not a search response at all.
 */
export function convertBraveResults(body: unknown): SearchResult[] | undefined {
  const parsed = braveSearchResponseSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const results: SearchResult[] = [];
  for (const item of parsed.data.web?.results ?? []) {
    const result = braveWebResultSchema.safeParse(item);
    if (!result.success) continue;
    const snippets = [result.data.description ?? '', ...(result.data.extra_snippets ?? [])];
    results.push({
      title: stripSearchHtml(result.data.title ?? result.data.url),
      url: result.data.url,
      snippet: snippets.map(stripSearchHtml).filter(Boolean).join(' '),
      ...(result.data.page_age ? { publishedAt: result.data.page_age } : {}),
      source: 'brave',
    });
  }
  return results;
}
