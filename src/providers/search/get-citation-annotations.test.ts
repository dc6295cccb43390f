import { describe, expect, it } from 'vitest';
import { getCitationAnnotations } from './get-citation-annotations.js';
import type { SearchResult } from './search-result.js';

const results: SearchResult[] = [1, 2, 3].map((number) => ({
  title: `Page ${number}`,
  url: `https://example.com/${number}`,
  snippet: '',
  source: 'brave',
}));

/** What each annotation's span covers, counted in code points as the annotations are. */
const spans = (text: string) =>
  getCitationAnnotations(text, results).map(({ url_citation: citation }) => [
    Array.from(text).slice(citation.start_index, citation.end_index).join(''),
    citation.url,
  ]);

describe('getCitationAnnotations', () => {
  it('annotates every [n] with its source, over the exact span', () => {
    const text = 'Earth is round [1]. It is 40,075 km around [2][3], as measured [1].';
    expect(getCitationAnnotations(text, results)).toEqual([
      {
        type: 'url_citation',
        url_citation: { start_index: 15, end_index: 18, title: 'Page 1', url: 'https://example.com/1' },
      },
      {
        type: 'url_citation',
        url_citation: { start_index: 43, end_index: 46, title: 'Page 2', url: 'https://example.com/2' },
      },
      {
        type: 'url_citation',
        url_citation: { start_index: 46, end_index: 49, title: 'Page 3', url: 'https://example.com/3' },
      },
      {
        type: 'url_citation',
        url_citation: { start_index: 63, end_index: 66, title: 'Page 1', url: 'https://example.com/1' },
      },
    ]);
    expect(spans(text).map(([span]) => span)).toEqual(['[1]', '[2]', '[3]', '[1]']);
  });

  it('reads groups, skips numbers that are no source, and ignores markdown links', () => {
    expect(spans('Both agree [1, 3]; see [4], [0], the year [2024] and [a link](https://x.y).')).toEqual([
      ['[1, 3]', 'https://example.com/1'],
      ['[1, 3]', 'https://example.com/3'],
    ]);
  });

  it('counts characters beyond the BMP (emoji) as one, as OpenAI and Python do', () => {
    const text = '🌍 is round [2] and 🌕 is not [1].';
    const annotations = getCitationAnnotations(text, results);
    expect(annotations.map((annotation) => annotation.url_citation.start_index)).toEqual([11, 28]);
    expect(spans(text).map(([span]) => span)).toEqual(['[2]', '[1]']);
  });

  it('finds nothing in a text without citations', () => {
    expect(getCitationAnnotations('No citations here.', results)).toEqual([]);
  });
});
