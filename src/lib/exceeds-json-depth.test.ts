import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './exceeds-json-depth.js';

describe('exceedsJsonDepth', () => {
  it('counts nesting of arrays and objects, not scalars', () => {
    expect(exceedsJsonDepth('text', 0)).toBe(false);
    expect(exceedsJsonDepth({ a: 1 }, 1)).toBe(false);
    expect(exceedsJsonDepth({ a: [1] }, 1)).toBe(true);
    expect(exceedsJsonDepth({ a: [{ b: 1 }], c: 2 }, 3)).toBe(false);
    expect(exceedsJsonDepth({ a: [{ b: {} }] }, 3)).toBe(true);
  });

  it('checks a value far deeper than the call stack allows, without recursion', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(exceedsJsonDepth(deep, 256)).toBe(true);
    expect(exceedsJsonDepth(JSON.parse(`${'['.repeat(256)}${']'.repeat(256)}`), 256)).toBe(false);
  });
});
