import { getCredentialFailure } from '../get-credential-failure.js';
import type { SimulatedFailure } from '../simulated-answer.js';
import { generateSearchResults, type SimulatedSearch } from './generate-search-results.js';

/** A typical web search API's time to answer, before `timeScale`. */
const searchLatencyInMs = 120;

export type SimulatedSearchPlan =
  | { kind: 'results'; query: string; search: SimulatedSearch; delayInMs: number }
  | { kind: 'failure'; failure: SimulatedFailure; delayInMs: number };

export interface SimulatedSearchRequest {
  backend: 'bing' | 'brave' | 'searxng';
  /** The `q` parameter; undefined or blank when missing. */
  query: string | undefined;
  /** The backend's key header, or undefined for SearXNG, which has none. */
  apiKey: string | undefined;
  seed: number;
  timeScale: number;
}

/**
 * What a search request gets, wire-neutral, checked as the APIs do: the key first (missing → 401, and
 * the simulator's key words `invalid`, `quota`, `ratelimited`), then the query (missing → 400), then
 * the behaviour words in the query: `sim-search-down` → 500, `sim-no-results` → an empty result list.
 */
export function planSimulatedSearch(request: SimulatedSearchRequest): SimulatedSearchPlan {
  const delayInMs = searchLatencyInMs * request.timeScale;
  if (request.backend !== 'searxng') {
    if (request.apiKey === undefined || request.apiKey === '') {
      return { kind: 'failure', failure: { kind: 'missing-key', status: 401 }, delayInMs: 0 };
    }
    const credentialFailure = getCredentialFailure(request.apiKey);
    if (credentialFailure !== undefined) return { kind: 'failure', failure: credentialFailure, delayInMs: 0 };
  }
  const query = request.query?.trim() ?? '';
  if (query === '') return { kind: 'failure', failure: { kind: 'bad-request', status: 400 }, delayInMs: 0 };
  if (query.includes('sim-search-down')) {
    return { kind: 'failure', failure: { kind: 'server', status: 500 }, delayInMs };
  }
  if (query.includes('sim-no-results')) {
    return {
      kind: 'results',
      query,
      search: { results: [], queryTerms: [], totalEstimatedMatches: 0 },
      delayInMs,
    };
  }
  return {
    kind: 'results',
    query,
    search: generateSearchResults(query, request.seed, request.backend),
    delayInMs,
  };
}
