import type { SearchResult } from './search-result.js';

/** One entry of the answer's top-level `sources` list; `index` is the `[n]` the answer cites it by. */
export interface SearchSource {
  index: number;
  title: string;
  url: string;
  snippet: string;
  /** ISO 8601, when the backend dated the page. */
  published_at?: string;
  /** The backend that found it: `bing`, `brave` or `searxng`. */
  source: string;
}

/** The results as the numbered `sources` list of a non-streamed answer, in OpenAI's snake_case. */
export function getSearchSources(results: readonly SearchResult[]): SearchSource[] {
  return results.map((result, position) => ({
    index: position + 1,
    title: result.title,
    url: result.url,
    snippet: result.snippet,
    ...(result.publishedAt ? { published_at: result.publishedAt } : {}),
    source: result.source,
  }));
}

/**
 * The text block that ends a streamed answer: `Sources:` and one `[n] title — url` line per result, after
 * a blank line. Streams carry text only (OpenAI's chunk has no annotations and the stream parts have no
 * part for them), so this is how a streaming client learns what `[n]` points to.
 */
export function formatSearchSources(results: readonly SearchResult[]): string {
  const lines = results.map((result, position) => `[${position + 1}] ${result.title} — ${result.url}`);
  return `\n\nSources:\n${lines.join('\n')}`;
}
