import { searxngResultSchema, searxngSearchResponseSchema } from './search-api.js';
import type { SearchResult } from './search-result.js';
import { stripSearchHtml } from './strip-search-html.js';

/** SearXNG's results with the engines that failed, which tell an outage apart from "nothing found". */
export interface SearxngResults {
  results: SearchResult[];
  /** `engine (error)` for each engine that did not answer. */
  unresponsiveEngines: string[];
}

/**
 * SearXNG's `format=json` results: `title`, `url`, `content`, `publishedDate` (PROVIDERS.md §8.4, §8.5).
 * Undefined when the body is not a search response at all.
 */
export function convertSearxngResults(body: unknown): SearxngResults | undefined {
  const parsed = searxngSearchResponseSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const results: SearchResult[] = [];
  for (const item of parsed.data.results ?? []) {
    const result = searxngResultSchema.safeParse(item);
    if (!result.success) continue;
    results.push({
      title: stripSearchHtml(result.data.title ?? result.data.url),
      url: result.data.url,
      snippet: stripSearchHtml(result.data.content ?? ''),
      ...(result.data.publishedDate ? { publishedAt: result.data.publishedDate } : {}),
      source: 'searxng',
    });
  }
  const unresponsiveEngines = (parsed.data.unresponsive_engines ?? []).map(([engine, error]) =>
    error === undefined || error === null ? String(engine) : `${String(engine)} (${String(error)})`,
  );
  return { results, unresponsiveEngines };
}
