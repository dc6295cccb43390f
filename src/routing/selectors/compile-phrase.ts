const wordCharacter = /[\p{L}\p{N}_]/u;

/**
 * A case-insensitive matcher for a word or phrase of a `contains` rule. Where the phrase starts or ends
 * with a letter or digit it must start or end a word there, so `code` matches "my code" but not "decode";
 * a phrase like ``` or `c++` matches anywhere. Runs of spaces in the phrase match any whitespace.
 */
export function compilePhrase(phrase: string): (text: string) => boolean {
  const trimmed = phrase.trim();
  const body = trimmed
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const before = wordCharacter.test(trimmed.at(0) ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
  const after = wordCharacter.test(trimmed.at(-1) ?? '') ? '(?![\\p{L}\\p{N}_])' : '';
  const expression = new RegExp(`${before}${body}${after}`, 'iu');
  return (text) => expression.test(text);
}
