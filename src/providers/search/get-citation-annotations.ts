import type { SearchResult } from './search-result.js';

/** OpenAI's citation annotation, as its web-search models put it on `message.annotations`. */
export interface URLCitationAnnotation {
  type: 'url_citation';
  url_citation: { start_index: number; end_index: number; title: string; url: string };
}

/** `[1]`, and groups such as `[1, 3]` or `[2; 4]`. */
const citationPattern = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/**
 * One `url_citation` per source number cited in `text` (PROVIDERS.md §8.5), spanning the bracket that
 * cites it (a group `[1, 3]` gives two annotations over the same span). Numbers outside `1…n` are not
 * citations (`[2024]`) and are skipped. Offsets count Unicode code points ("characters" as OpenAI
 * words it, and as Python indexes strings): they equal JavaScript string indexes unless the text
 * holds characters beyond the BMP, such as emoji.
 */
export function getCitationAnnotations(
  text: string,
  results: readonly SearchResult[],
): URLCitationAnnotation[] {
  const annotations: URLCitationAnnotation[] = [];
  let codePoints = 0;
  let scanned = 0;
  for (const match of text.matchAll(citationPattern)) {
    codePoints += countCodePoints(text.slice(scanned, match.index));
    scanned = match.index;
    const numbers = new Set(match[1]!.split(/\s*[,;]\s*/).map(Number));
    for (const number of numbers) {
      const result = results[number - 1];
      if (result === undefined || number < 1) continue;
      annotations.push({
        type: 'url_citation',
        url_citation: {
          start_index: codePoints,
          end_index: codePoints + countCodePoints(match[0]),
          title: result.title,
          url: result.url,
        },
      });
    }
  }
  return annotations;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _character of text) count++;
  return count;
}
