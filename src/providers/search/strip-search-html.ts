const entities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Plain text from a backend's title or snippet: Brave marks query terms with `<strong>` (PROVIDERS.md
 * §8.5), SearXNG passes engines' markup and entities through, and Bing with text decorations on wraps
 * terms in U+E000/U+E001. Tags go, entities are decoded, whitespace is collapsed.
 */
export function stripSearchHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/[\uE000\uE001]/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return entities[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
