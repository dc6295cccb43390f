import type { SimulatedFailure } from '../simulated-answer.js';
import type { SimulatedSearch } from './generate-search-results.js';
import type { RenderedSearchAnswer } from './send-search-answer.js';

const idPrefix = 'https://www.bingapis.com/api/v7/#WebPages.';

/**
 * Bing Web Search v7's `SearchResponse`, field for field as fixture
 * web-search/bing-v7-search-response-docs.json (PROVIDERS.md §8.1). Nothing found: no `webPages`.
 */
export function renderBingResponse(
  query: string,
  search: SimulatedSearch,
  count: number,
): RenderedSearchAnswer {
  const pages = search.results.slice(0, count);
  const body = {
    _type: 'SearchResponse',
    queryContext: { originalQuery: query },
    ...(pages.length > 0
      ? {
          webPages: {
            webSearchUrl: `https://www.bing.com/search?q=${encodeURIComponent(query).replace(/%20/g, '+')}`,
            totalEstimatedMatches: search.totalEstimatedMatches,
            value: pages.map((page, index) => ({
              id: `${idPrefix}${index}`,
              name: page.title,
              url: page.url,
              isFamilyFriendly: true,
              displayUrl: page.url.replace(/\/$/, ''),
              snippet: page.snippet,
              dateLastCrawled: `${page.publishedAt}.0000000Z`,
              language: 'en',
            })),
          },
        }
      : {}),
    rankingResponse:
      pages.length > 0
        ? {
            mainline: {
              items: pages.map((_page, index) => ({
                answerType: 'WebPages',
                resultIndex: index,
                value: { id: `${idPrefix}${index}` },
              })),
            },
          }
        : {},
  };
  return { status: 200, body: JSON.stringify(body, null, 2) };
}

/**
 * Bing's `ErrorResponse` bodies: 400 and 401 exactly as fixture web-search/bing-v7-error-responses-docs.json;
 * the monthly quota is a 403 and the per-second limit a 429 with `Retry-After` (PROVIDERS.md §8.1).
 */
export function renderBingError(failure: SimulatedFailure): RenderedSearchAnswer {
  const error = (status: number, detail: Record<string, string>, headers: string[] = []) => ({
    status,
    body: JSON.stringify({ _type: 'ErrorResponse', errors: [detail] }, null, 2),
    headers,
  });
  switch (failure.kind) {
    case 'missing-key':
    case 'invalid-key':
      return error(401, {
        code: 'InvalidAuthorization',
        subCode: 'AuthorizationMissing',
        message: 'Authorization is required.',
        moreDetails: 'Subscription key is not recognized.',
      });
    case 'quota':
      return error(403, {
        code: 'RateLimitExceeded',
        message: 'Out of call volume quota. Quota will be replenished in 12.04:31:07.',
      });
    case 'rate-limited': {
      const seconds = failure.retryAfterSeconds ?? 1;
      return error(
        429,
        { code: 'RateLimitExceeded', message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
        ['retry-after', String(seconds)],
      );
    }
    case 'bad-request':
      return error(400, {
        code: 'InvalidRequest',
        subCode: 'ParameterMissing',
        message: 'Required parameter is missing.',
        parameter: 'q',
      });
    default:
      return error(500, {
        code: 'ServerError',
        subCode: 'UnexpectedError',
        message: 'An unexpected error occurred while processing the request.',
      });
  }
}
