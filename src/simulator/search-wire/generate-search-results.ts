import { createSeededRandom, hashSeed, type SeededRandom } from '../seeded-random.js';
import { fillTemplate } from '../simulated-text.js';
import { summarizePrompt } from '../summarize-prompt.js';
import {
  simulatedSearchSites,
  simulatedSnippetTemplates,
  type SimulatedSearchSite,
} from './simulated-search-sites.js';

/** One simulated web page, wire-neutral; each wire renders it in its own shape. */
export interface SimulatedSearchResult {
  title: string;
  url: string;
  /** `en.wikipedia.org` */
  hostname: string;
  /** Everything after the host, starting with `/`. */
  path: string;
  siteName: string;
  /** Plain text; the Brave wire adds its `<strong>` markup around `queryTerms`. */
  snippet: string;
  /** `YYYY-MM-DDTHH:MM:SS`, no zone, as Brave's `page_age` and SearXNG's `publishedDate`. */
  publishedAt: string;
}

export interface SimulatedSearch {
  results: SimulatedSearchResult[];
  /** Words of the query the snippets mention, for highlighting. */
  queryTerms: string[];
  totalEstimatedMatches: number;
}

/**
 * The pages a query finds: 6 to 10 results on distinct plausible sites, with titles built from the
 * query's subject and snippets that mention its words. Fixed by the seed, the backend and the query, so
 * the same search always finds the same pages.
 */
export function generateSearchResults(query: string, seed: number, backend: string): SimulatedSearch {
  const random = createSeededRandom(hashSeed(seed, 'search', backend, query.trim().toLowerCase()));
  const topicWords = summarizePrompt({
    model: 'search',
    messages: [{ role: 'user', content: query }],
  }).topicWords;
  const queryTerms = topicWords.length > 0 ? topicWords : [query.trim()];
  const subject = getSubject(query);
  const sites = shuffle(simulatedSearchSites, random).slice(0, random.integer(6, 10));
  const results = sites.map((site) => {
    const path = fillPath(site, subject, random);
    const sentences = [random.pick(simulatedSnippetTemplates), random.pick(simulatedSnippetTemplates)];
    return {
      title: fillTitle(site.title, subject, query),
      url: `https://${site.domain}${path}`,
      hostname: site.domain,
      path,
      siteName: site.name,
      snippet: [...new Set(sentences)]
        .map((sentence) => fillTemplate(sentence, random, queryTerms))
        .join(' '),
      publishedAt: `${random.integer(2019, 2025)}-${pad(random.integer(1, 12))}-${pad(random.integer(1, 28))}T${pad(random.integer(0, 23))}:${pad(random.integer(0, 59))}:00`,
    };
  });
  return { results, queryTerms, totalEstimatedMatches: random.integer(12_000, 4_800_000) };
}

/** `what is the circumference of earth?` → `Circumference of earth`. */
function getSubject(query: string): string {
  const subject = query
    .trim()
    .replace(/[?!.]+$/, '')
    .replace(
      /^(what|who|where|when|why|how|which)('s)?(\s+(is|are|was|were|do|does|did|can|to))?(\s+(the|a|an))?\s+/i,
      '',
    )
    .slice(0, 60)
    .trim();
  const text = subject === '' ? query.trim() : subject;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fillTitle(template: string, subject: string, query: string): string {
  const typed = query.trim().replace(/\s+/g, ' ');
  return template
    .replace('{Subject}', subject)
    .replace('{Query}', typed.charAt(0).toUpperCase() + typed.slice(1));
}

function fillPath(site: SimulatedSearchSite, subject: string, random: SeededRandom): string {
  const slug =
    subject
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'search';
  return site.path
    .replace('{slug}', encodeURIComponent(slug).replace(/%2D/g, '-'))
    .replace('{Slug}', encodeURIComponent(subject.replace(/\s+/g, '_')))
    .replace('{hex}', random.hex(8))
    .replace('{number}', String(random.integer(10, 28)))
    .replace('{initial}', slug.charAt(0));
}

function shuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = random.integer(0, index);
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
