import { describe, expect, it } from 'vitest';
import { getTextSimilarity, getWordShingles } from './get-text-similarity.js';

describe('text similarity (word 2-shingle Jaccard)', () => {
  it('shingles consecutive word pairs, ignoring case and punctuation', () => {
    expect([...getWordShingles('Paris, is the CAPITAL!')]).toEqual(['paris is', 'is the', 'the capital']);
    expect([...getWordShingles('Hello')]).toEqual(['hello']);
    expect(getWordShingles('  ... ').size).toBe(0);
  });

  it('scores identical texts 1, unrelated texts 0, and partial overlap in between', () => {
    expect(getTextSimilarity('the same text', 'The same text.')).toBe(1);
    expect(getTextSimilarity('red apples', 'blue skies')).toBe(0);
    expect(getTextSimilarity('Paris is the capital', 'the capital is Paris')).toBeCloseTo(1 / 5);
    expect(getTextSimilarity('', '')).toBe(1);
    expect(getTextSimilarity('', 'something')).toBe(0);
  });

  it('handles non-Latin scripts', () => {
    expect(getTextSimilarity('東京 は 首都', '東京 は 首都 です')).toBeCloseTo(2 / 3);
  });
});
