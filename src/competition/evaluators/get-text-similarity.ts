/** Words per shingle: pairs keep some word order without making short answers look unrelated. */
const shingleSize = 2;

/**
 * How alike two answers are, 0..1: the Jaccard index of their word 2-shingles (|A ∩ B| / |A ∪ B| over
 * the sets of consecutive word pairs), words being runs of letters and digits, lower-cased. A text of
 * one word is its own shingle. Two empty texts are identical (1); one empty text shares nothing (0).
 * @example getTextSimilarity('Paris is the capital', 'the capital is Paris') // 1/5: only "the capital" is shared
 */
export function getTextSimilarity(a: string, b: string): number {
  const left = getWordShingles(a);
  const right = getWordShingles(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const shingle of left) if (right.has(shingle)) shared++;
  return shared / (left.size + right.size - shared);
}

/** The set of `size` consecutive words of `text` (the whole text when it has fewer words). */
export function getWordShingles(text: string, size = shingleSize): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return new Set();
  if (words.length < size) return new Set([words.join(' ')]);
  const shingles = new Set<string>();
  for (let index = 0; index + size <= words.length; index++)
    shingles.add(words.slice(index, index + size).join(' '));
  return shingles;
}
