import type { SimulatedFailure } from '../simulated-answer.js';
import type { SimulatedSearch } from './generate-search-results.js';
import type { RenderedSearchAnswer } from './send-search-answer.js';

const engines = ['duckduckgo', 'brave', 'startpage', 'wikipedia', 'qwant'];

/** Flask's own page for `abort(403)`, which SearXNG sends for an output format its settings do not allow. */
const forbiddenPage =
  '<!doctype html>\n<html lang=en>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n' +
  '<p>You don&#39;t have the permission to access the requested resource. It is either read-protected or ' +
  'not readable by the server.</p>\n';

/**
 * SearXNG's `format=json` output (PROVIDERS.md §8.4, from searx/webapp.py): every result of the page (no
 * count parameter), merged from several engines, with `publishedDate` only where an engine dated it.
 */
export function renderSearxngResponse(query: string, search: SimulatedSearch): RenderedSearchAnswer {
  const body = {
    query,
    number_of_results: 0,
    results: search.results.map((result, index) => {
      const engine = engines[index % engines.length]!;
      const second = engines[(index + 2) % engines.length]!;
      return {
        url: result.url,
        title: result.title,
        content: result.snippet,
        publishedDate: index % 2 === 0 ? result.publishedAt : null,
        thumbnail: '',
        engine,
        template: 'default.html',
        parsed_url: ['https', result.hostname, result.path, '', '', ''],
        img_src: '',
        priority: '',
        engines: index % 3 === 0 ? [engine] : [engine, second],
        positions: index % 3 === 0 ? [index + 1] : [index + 1, index + 2],
        score: Math.round((10 / (index + 1)) * 1000) / 1000,
        category: 'general',
      };
    }),
    answers: [],
    corrections: [],
    infoboxes: [],
    suggestions: [],
    unresponsive_engines: [],
  };
  return { status: 200, body: JSON.stringify(body) };
}

/** SearXNG's refusals: 403 HTML for a format not enabled, `{"error": …}` for a missing query or a failure. */
export function renderSearxngError(failure: SimulatedFailure | 'format-disabled'): RenderedSearchAnswer {
  if (failure === 'format-disabled') {
    return { status: 403, body: forbiddenPage, contentType: 'text/html; charset=utf-8' };
  }
  if (failure.kind === 'bad-request') return { status: 400, body: JSON.stringify({ error: 'No query' }) };
  return { status: 500, body: JSON.stringify({ error: 'search error' }) };
}
