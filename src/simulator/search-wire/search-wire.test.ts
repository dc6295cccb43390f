import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJSONFixture } from '../../../test/support/fixtures.js';
import { createSimulator, type Simulator } from '../index.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await createSimulator({ seed: 5, timeScale: 0.01 });
});
afterAll(async () => {
  await simulator?.close();
});

type JSONObject = Record<string, unknown>;

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(simulator.url + path, { headers });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body: body as JSONObject, text };
}

/** Field names and JSON types, so a rendered body can be compared with a fixture's shape. */
function shapeOf(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, Array.isArray(field) ? 'array' : typeof field]),
  );
}

const bingKey = { 'Ocp-Apim-Subscription-Key': 'sim-search-key' };
const braveKey = { 'X-Subscription-Token': 'sim-search-key', Accept: 'application/json' };

describe('Bing v7 wire', () => {
  const fixture = readJSONFixture<JSONObject>('web-search/bing-v7-search-response-docs.json');
  const fixturePages = fixture.webPages as { value: JSONObject[] } & JSONObject;

  it('answers a SearchResponse shaped like the documented one', async () => {
    const { status, body } = await get('/v7.0/search?q=what+is+the+circumference+of+earth&count=3', bingKey);
    expect(status).toBe(200);
    expect(body._type).toBe('SearchResponse');
    expect(body.queryContext).toEqual({ originalQuery: 'what is the circumference of earth' });
    const webPages = body.webPages as { value: JSONObject[] } & JSONObject;
    expect(shapeOf(webPages)).toEqual(shapeOf(fixturePages));
    expect(webPages.value).toHaveLength(3);
    const { deepLinks: _deepLinks, ...documentedPage } = fixturePages.value[0]!;
    webPages.value.forEach((page, index) => {
      expect(shapeOf(page)).toEqual(shapeOf(documentedPage));
      expect(page.id).toBe(`https://www.bingapis.com/api/v7/#WebPages.${index}`);
      expect(page.dateLastCrawled).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.0000000Z$/);
      expect(String(page.snippet).toLowerCase()).toMatch(/circumference|earth/);
    });
    const items = (body.rankingResponse as { mainline: { items: JSONObject[] } }).mainline.items;
    expect(items[0]).toEqual({
      answerType: 'WebPages',
      resultIndex: 0,
      value: { id: webPages.value[0]!.id },
    });
  });

  it('answers errors as the documented ErrorResponse bodies', async () => {
    const [missingParameter, missingAuthorization] = readJSONFixture<unknown[]>(
      'web-search/bing-v7-error-responses-docs.json',
    );
    expect(await get('/v7.0/search?q=earth')).toMatchObject({ status: 401, body: missingAuthorization });
    expect(await get('/v7.0/search?q=earth', { 'Ocp-Apim-Subscription-Key': 'sim-invalid-1' })).toMatchObject(
      {
        status: 401,
        body: missingAuthorization,
      },
    );
    expect(await get('/v7.0/search', bingKey)).toMatchObject({ status: 400, body: missingParameter });
    const quota = await get('/v7.0/search?q=earth', { 'Ocp-Apim-Subscription-Key': 'sim-quota-1' });
    expect(quota).toMatchObject({
      status: 403,
      body: { _type: 'ErrorResponse', errors: [{ code: 'RateLimitExceeded' }] },
    });
    const limited = await get('/v7.0/search?q=earth', { 'Ocp-Apim-Subscription-Key': 'sim-ratelimited-1' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const down = await get('/v7.0/search?q=sim-search-down', bingKey);
    expect(down).toMatchObject({
      status: 500,
      body: { _type: 'ErrorResponse', errors: [{ code: 'ServerError' }] },
    });
  });

  it('finds nothing for sim-no-results: no webPages at all', async () => {
    const { status, body } = await get('/v7.0/search?q=sim-no-results', bingKey);
    expect(status).toBe(200);
    expect(body).toEqual({
      _type: 'SearchResponse',
      queryContext: { originalQuery: 'sim-no-results' },
      rankingResponse: {},
    });
  });
});

describe('Brave wire', () => {
  it('answers web results with <strong> descriptions and rate-limit headers (PROVIDERS.md §8.2)', async () => {
    const { status, body, headers } = await get('/res/v1/web/search?q=solar+panels&count=4', braveKey);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      type: 'search',
      query: { original: 'solar panels', more_results_available: true },
    });
    const results = (body.web as { results: JSONObject[] }).results;
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(result).toMatchObject({
        title: expect.any(String),
        url: expect.stringMatching(/^https:\/\//),
        description: expect.stringMatching(/<strong>(solar|panels)<\/strong>/i),
        page_age: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        age: expect.any(String),
        language: 'en',
        family_friendly: true,
        profile: { name: expect.any(String), url: result.url },
        meta_url: {
          scheme: 'https',
          netloc: expect.any(String),
          hostname: expect.any(String),
          path: expect.any(String),
        },
        type: 'search_result',
        subtype: 'generic',
      });
    }
    expect(headers.get('x-ratelimit-limit')).toBe('1, 2000');
    expect(headers.get('x-ratelimit-reset')).toMatch(/^\d+, \d+$/);
  });

  it('answers errors in the envelope of the captured 429', async () => {
    const fixture = readJSONFixture<{ error: JSONObject & { meta: JSONObject } } & JSONObject>(
      'web-search/brave-error-429-rate-limited.json',
    );
    const limited = await get('/res/v1/web/search?q=earth', { 'X-Subscription-Token': 'sim-ratelimited-1' });
    expect(limited.status).toBe(429);
    expect(shapeOf(limited.body)).toEqual(shapeOf(fixture));
    const error = limited.body.error as JSONObject & { meta: JSONObject };
    expect(Object.keys(error).sort()).toEqual(Object.keys(fixture.error).sort());
    expect(Object.keys(error.meta).sort()).toEqual(Object.keys(fixture.error.meta).sort());
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(error.meta.quota_current)).toBeLessThan(Number(error.meta.quota_limit));
    const quota = await get('/res/v1/web/search?q=earth', { 'X-Subscription-Token': 'sim-quota-1' });
    const quotaMeta = (quota.body.error as { meta: JSONObject }).meta;
    expect(quota.status).toBe(429);
    expect(quotaMeta.quota_current).toBe(quotaMeta.quota_limit);
    expect(
      await get('/res/v1/web/search?q=earth', { 'X-Subscription-Token': 'sim-invalid-1' }),
    ).toMatchObject({
      status: 401,
      body: { type: 'ErrorResponse', error: { code: 'SUBSCRIPTION_TOKEN_INVALID' } },
    });
    expect(await get('/res/v1/web/search?q=earth&count=21', braveKey)).toMatchObject({
      status: 422,
      body: { error: { code: 'VALIDATION', meta: { errors: [{ loc: ['query', 'count'] }] } } },
    });
    expect(await get('/res/v1/web/search', braveKey)).toMatchObject({
      status: 422,
      body: { error: { meta: { errors: [{ loc: ['query', 'q'] }] } } },
    });
    expect((await get('/res/v1/web/search?q=sim-search-down', braveKey)).status).toBe(500);
  });

  it('has no web section when nothing is found', async () => {
    const { body } = await get('/res/v1/web/search?q=sim-no-results', braveKey);
    expect(body.web).toBeUndefined();
    expect(body.mixed).toMatchObject({ main: [] });
  });
});

describe('SearXNG wire', () => {
  it('answers format=json with every result of the page (PROVIDERS.md §8.4)', async () => {
    const { status, body } = await get('/search?q=coral+reefs&format=json');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      'answers',
      'corrections',
      'infoboxes',
      'number_of_results',
      'query',
      'results',
      'suggestions',
      'unresponsive_engines',
    ]);
    const results = body.results as JSONObject[];
    expect(results.length).toBeGreaterThanOrEqual(6);
    for (const result of results) {
      expect(result).toMatchObject({
        url: expect.stringMatching(/^https:\/\//),
        title: expect.any(String),
        content: expect.stringMatching(/coral|reefs/i),
        engine: expect.any(String),
        engines: expect.any(Array),
        category: 'general',
      });
      expect(result.publishedDate === null || typeof result.publishedDate === 'string').toBe(true);
    }
  });

  it('refuses other formats with 403, and answers a missing query or a failure as {"error"}', async () => {
    const html = await get('/search?q=coral+reefs');
    expect(html.status).toBe(403);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.text).toContain('403 Forbidden');
    expect(await get('/searx/search?format=json')).toMatchObject({
      status: 400,
      body: { error: 'No query' },
    });
    expect(await get('/search?q=sim-search-down&format=json')).toMatchObject({
      status: 500,
      body: { error: 'search error' },
    });
    expect((await get('/search?q=sim-no-results&format=json')).body.results).toEqual([]);
  });
});

describe('search results', () => {
  it('are fixed by the seed and the query', async () => {
    const path = '/search?q=history+of+chess&format=json';
    const first = await get(path);
    expect((await get(path)).text).toBe(first.text);
    const other = await createSimulator({ seed: 6, timeScale: 0 });
    try {
      const response = await fetch(other.url + path);
      expect(await response.text()).not.toBe(first.text);
    } finally {
      await other.close();
    }
  });

  it('claim only the search paths: the OpenAI wire still answers the rest', async () => {
    const chat = await fetch(`${simulator.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sim-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sim-instant', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(chat.status).toBe(200);
    expect((await get('/v1/models', { authorization: 'Bearer sim-key' })).status).toBe(200);
    const post = await fetch(`${simulator.url}/search?q=x&format=json`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ error: { message: 'Invalid URL (POST /search)' } });
  });
});
