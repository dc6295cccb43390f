import { describe, expect, it } from 'vitest';
import { sortStableBy } from './sort-stable-by.js';

describe('sortStableBy', () => {
  it('sorts by key, keeps the given order among ties and among Infinity', () => {
    const items = ['b1', 'x1', 'a', 'b2', 'x2'];
    const keys: Record<string, number> = { a: 1, b1: 2, b2: 2, x1: Infinity, x2: Infinity };
    expect(sortStableBy(items, (item) => keys[item]!)).toEqual(['a', 'b1', 'b2', 'x1', 'x2']);
    expect(items).toEqual(['b1', 'x1', 'a', 'b2', 'x2']);
  });
});
