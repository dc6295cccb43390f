import { readRawHeader } from '../read-raw-header.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { planSimulatedSearch } from './plan-simulated-search.js';
import { renderBingError, renderBingResponse } from './render-bing-search.js';
import { renderBraveError } from './render-brave-error.js';
import { renderBraveResponse } from './render-brave-response.js';
import { renderSearxngError, renderSearxngResponse } from './render-searxng-search.js';
import { sendSearchAnswer, type RenderedSearchAnswer } from './send-search-answer.js';

/** Bing's and Brave's page size limits (PROVIDERS.md §8.1, §8.2). */
const bingMaxCount = 50;
const braveMaxCount = 20;

/**
 * The web search wires, for `GET` only: Bing v7 (`…/v7.0/search`), Brave (`…/res/v1/web/search`) and
 * SearXNG (any other path ending in `/search`, since instances may live under a prefix). Every other
 * path is left to the next wire.
 */
export function handleSearchRequest(exchange: SimulatorExchange): boolean {
  const { method, path } = exchange;
  if (method !== 'GET' || !path.endsWith('/search')) return false;
  const parameters = new URL(exchange.request.url ?? '/', 'http://simulator').searchParams;
  const query = parameters.get('q') ?? undefined;
  const { seed, timeScale } = exchange.state;
  const rawHeaders = exchange.request.rawHeaders;
  if (path.endsWith('/v7.0/search')) {
    const apiKey = readRawHeader(rawHeaders, 'ocp-apim-subscription-key');
    const plan = planSimulatedSearch({ backend: 'bing', query, apiKey, seed, timeScale });
    const count = Math.min(readCount(parameters, 10), bingMaxCount);
    const answer =
      plan.kind === 'failure'
        ? renderBingError(plan.failure)
        : renderBingResponse(plan.query, plan.search, count);
    sendSearchAnswer(exchange, answer, plan.delayInMs);
    return true;
  }
  if (path.endsWith('/res/v1/web/search')) {
    const apiKey = readRawHeader(rawHeaders, 'x-subscription-token');
    const count = readCount(parameters, braveMaxCount);
    const plan = planSimulatedSearch({ backend: 'brave', query, apiKey, seed, timeScale });
    let answer: RenderedSearchAnswer;
    if (plan.kind === 'failure') answer = renderBraveError(plan.failure);
    else if (count < 1 || count > braveMaxCount) {
      // Brave validates `count` (1 to 20) along with `q`, after the token.
      answer = renderBraveError(
        { kind: 'bad-request', status: 422 },
        {
          name: 'count',
          message: `Input should be ${count < 1 ? 'greater than or equal to 1' : `less than or equal to ${braveMaxCount}`}`,
          input: String(count),
        },
      );
    } else answer = renderBraveResponse(plan.query, plan.search, count);
    sendSearchAnswer(exchange, answer, plan.delayInMs);
    return true;
  }
  if (parameters.get('format') !== 'json') {
    sendSearchAnswer(exchange, renderSearxngError('format-disabled'), 0);
    return true;
  }
  const plan = planSimulatedSearch({ backend: 'searxng', query, apiKey: undefined, seed, timeScale });
  const answer =
    plan.kind === 'failure'
      ? renderSearxngError(plan.failure)
      : renderSearxngResponse(plan.query, plan.search);
  sendSearchAnswer(exchange, answer, plan.delayInMs);
  return true;
}

function readCount(parameters: URLSearchParams, fallback: number): number {
  const count = Number(parameters.get('count') ?? fallback);
  return Number.isInteger(count) ? count : fallback;
}
