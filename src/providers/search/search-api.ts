import { z } from 'zod';

/*
 * Limited, lenient versions of what the search backends return: only the fields Arbiter reads, all
 * nullish, and result lists kept as unknown items so one odd result is skipped rather than failing the
 * whole answer (STYLE.md example 6).
 */

/** Bing Web Search v7 `SearchResponse` (PROVIDERS.md §8.1, fixture web-search/bing-v7-search-response-docs.json). */
export const bingSearchResponseSchema = z.object({
  webPages: z.object({ value: z.array(z.unknown()).nullish() }).nullish(),
});

export const bingWebPageSchema = z.object({
  name: z.string().nullish(),
  url: z.string(),
  snippet: z.string().nullish(),
  dateLastCrawled: z.string().nullish(),
});

/** Bing's `ErrorResponse` (fixture web-search/bing-v7-error-responses-docs.json). */
export const bingErrorResponseSchema = z.object({
  errors: z
    .array(
      z.object({
        code: z.string().nullish(),
        subCode: z.string().nullish(),
        message: z.string().nullish(),
        moreDetails: z.string().nullish(),
        parameter: z.string().nullish(),
      }),
    )
    .nullish(),
});

/** Brave's web search response (PROVIDERS.md §8.2; no live capture exists, so only the basics are read). */
export const braveSearchResponseSchema = z.object({
  web: z.object({ results: z.array(z.unknown()).nullish() }).nullish(),
});

export const braveWebResultSchema = z.object({
  title: z.string().nullish(),
  url: z.string(),
  description: z.string().nullish(),
  extra_snippets: z.array(z.string()).nullish(),
  page_age: z.string().nullish(),
});

/** Brave's `ErrorResponse` (fixture web-search/brave-error-429-rate-limited.json). */
export const braveErrorResponseSchema = z.object({
  error: z
    .object({
      code: z.string().nullish(),
      detail: z.string().nullish(),
      meta: z
        .object({
          quota_limit: z.number().nullish(),
          quota_current: z.number().nullish(),
          errors: z.array(z.object({ loc: z.array(z.unknown()).nullish() }).loose()).nullish(),
        })
        .loose()
        .nullish(),
    })
    .nullish(),
});

/** SearXNG's `format=json` output (PROVIDERS.md §8.4, from searx/webapp.py). */
export const searxngSearchResponseSchema = z.object({
  results: z.array(z.unknown()).nullish(),
  /** `[engine, error]` pairs for engines that failed or timed out. */
  unresponsive_engines: z.array(z.array(z.unknown())).nullish(),
});

export const searxngResultSchema = z.object({
  title: z.string().nullish(),
  url: z.string(),
  content: z.string().nullish(),
  publishedDate: z.string().nullish(),
});

/** SearXNG answers errors of its JSON API as `{"error": "..."}` (e.g. 400 `No query`). */
export const searxngErrorResponseSchema = z.object({ error: z.string().nullish() });
