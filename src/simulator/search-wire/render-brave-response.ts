import { braveQuotaPerMonth, getBraveRateLimitHeaders } from './brave-rate-limits.js';
import type { SimulatedSearch, SimulatedSearchResult } from './generate-search-results.js';
import type { RenderedSearchAnswer } from './send-search-answer.js';

/**
 * Brave's web search response (PROVIDERS.md §8.2): `query`, `mixed`, and `web.results` whose
 * descriptions mark the query's words with `<strong>`. Nothing found: no `web`.
 */
export function renderBraveResponse(
  query: string,
  search: SimulatedSearch,
  count: number,
): RenderedSearchAnswer {
  const results = search.results.slice(0, count);
  const body = {
    query: {
      original: query,
      show_strict_warning: false,
      is_navigational: false,
      is_news_breaking: false,
      spellcheck_off: true,
      country: 'us',
      bad_results: false,
      should_fallback: false,
      more_results_available: search.results.length > count,
    },
    mixed: {
      type: 'mixed',
      main: results.map((_result, index) => ({ type: 'web', index, all: false })),
      top: [],
      side: [],
    },
    type: 'search',
    ...(results.length > 0
      ? {
          web: {
            type: 'search',
            results: results.map((result) => renderResult(result, search.queryTerms)),
            family_friendly: true,
          },
        }
      : {}),
  };
  return {
    status: 200,
    body: JSON.stringify(body),
    headers: getBraveRateLimitHeaders({ perSecond: 1, perMonth: braveQuotaPerMonth - 1 }),
  };
}

function renderResult(result: SimulatedSearchResult, queryTerms: readonly string[]) {
  // Brave's `age` is the page date as people write it: `May 1, 2024`.
  const age = new Date(`${result.publishedAt}Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return {
    title: result.title,
    url: result.url,
    is_source_local: false,
    is_source_both: false,
    description: highlight(result.snippet, queryTerms),
    page_age: result.publishedAt,
    age,
    profile: { name: result.siteName, url: result.url, long_name: result.hostname, img: '' },
    language: 'en',
    family_friendly: true,
    type: 'search_result',
    subtype: 'generic',
    is_live: false,
    meta_url: {
      scheme: 'https',
      netloc: result.hostname,
      hostname: result.hostname,
      favicon: `https://imgs.search.brave.com/${result.hostname.replace(/\./g, '-')}/rs:fit:32:32:1:0/favicon`,
      path: ` › ${result.path.split('/').filter(Boolean).join(' › ')}`,
    },
  };
}

/** `<strong>` around each query word, as Brave decorates descriptions by default. */
function highlight(text: string, queryTerms: readonly string[]): string {
  const words = queryTerms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).filter(Boolean);
  if (words.length === 0) return text;
  return text.replace(new RegExp(`\\b(${words.join('|')})\\b`, 'giu'), '<strong>$1</strong>');
}
