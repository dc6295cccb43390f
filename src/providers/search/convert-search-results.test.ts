import { describe, expect, it } from 'vitest';
import { readJSONFixture } from '../../../test/support/fixtures.js';
import { convertBingResults } from './convert-bing-results.js';
import { convertBraveResults } from './convert-brave-results.js';
import { convertSearxngResults } from './convert-searxng-results.js';
import { stripSearchHtml } from './strip-search-html.js';

/** A Brave body per PROVIDERS.md §8.2 (no live capture exists, see the web-search fixtures README). */
const braveBody = {
  type: 'search',
  query: { original: 'circumference of earth', more_results_available: true },
  web: {
    type: 'search',
    family_friendly: true,
    results: [
      {
        title: 'Earth&#39;s <strong>circumference</strong>',
        url: 'https://example.org/earth',
        description:
          'The <strong>circumference</strong> of <strong>Earth</strong> is 40,075&nbsp;km &amp; more.',
        page_age: '2024-05-01T00:00:00',
        age: 'May 1, 2024',
        extra_snippets: ['Measured at the <strong>equator</strong>.'],
        profile: { name: 'Example', url: 'https://example.org' },
        meta_url: { scheme: 'https', netloc: 'example.org', hostname: 'example.org', path: '› earth' },
        type: 'search_result',
        subtype: 'generic',
      },
      { title: 'No URL, skipped', description: 'x' },
      { title: 'Undated', url: 'https://example.com/undated', description: 'Plain.' },
    ],
  },
};

describe('search result normalisation', () => {
  it('reads Bing web pages: name, url, snippet and dateLastCrawled (fixture)', () => {
    const results = convertBingResults(readJSONFixture('web-search/bing-v7-search-response-docs.json'));
    expect(results).toEqual([
      {
        title: 'Circumference of the Earth - Universe Today',
        url: 'https://www.universetoday.com/26461/circumference-of-the-earth/',
        snippet: expect.stringMatching(/^The circumference of the Earth in kilometers is 40,075 km/),
        publishedAt: '2018-04-12T14:13:00.0000000Z',
        source: 'bing',
      },
      {
        title: 'Earth - Wikipedia',
        url: 'https://en.wikipedia.org/wiki/Earth',
        snippet: expect.stringMatching(/^Circumference: 40 075.017 km equatorial/),
        source: 'bing',
      },
    ]);
    expect(convertBingResults({ _type: 'SearchResponse', queryContext: {}, rankingResponse: {} })).toEqual(
      [],
    );
    expect(convertBingResults('not an object')).toBeUndefined();
  });

  it('reads Brave results with their <strong> markup and entities stripped, extra snippets appended', () => {
    expect(convertBraveResults(braveBody)).toEqual([
      {
        title: "Earth's circumference",
        url: 'https://example.org/earth',
        snippet: 'The circumference of Earth is 40,075 km & more. Measured at the equator.',
        publishedAt: '2024-05-01T00:00:00',
        source: 'brave',
      },
      { title: 'Undated', url: 'https://example.com/undated', snippet: 'Plain.', source: 'brave' },
    ]);
    expect(convertBraveResults({ type: 'search', query: { original: 'x' } })).toEqual([]);
  });

  it('reads SearXNG results and the engines that did not answer', () => {
    const converted = convertSearxngResults({
      query: 'earth',
      number_of_results: 0,
      results: [
        {
          url: 'https://en.wikipedia.org/wiki/Earth',
          title: 'Earth',
          content: 'Earth is the third planet from the Sun.',
          engine: 'wikipedia',
          publishedDate: null,
          score: 3,
        },
        {
          url: 'https://example.com/news',
          title: 'Earth news',
          content: 'A <b>new</b> measurement.',
          publishedDate: '2025-01-02T00:00:00',
        },
      ],
      unresponsive_engines: [['google', 'timeout'], ['bing']],
    });
    expect(converted).toEqual({
      results: [
        {
          title: 'Earth',
          url: 'https://en.wikipedia.org/wiki/Earth',
          snippet: 'Earth is the third planet from the Sun.',
          source: 'searxng',
        },
        {
          title: 'Earth news',
          url: 'https://example.com/news',
          snippet: 'A new measurement.',
          publishedAt: '2025-01-02T00:00:00',
          source: 'searxng',
        },
      ],
      unresponsiveEngines: ['google (timeout)', 'bing'],
    });
  });

  it('strips tags, Bing decoration marks and entities, and collapses whitespace', () => {
    expect(stripSearchHtml('\uE000Earth\uE001  is <em>round</em> &lt;3 &#x2014; &#8212; &bogus;\n')).toBe(
      'Earth is round <3 — — &bogus;',
    );
  });
});
