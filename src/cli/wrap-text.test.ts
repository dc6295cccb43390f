import { describe, expect, it } from 'vitest';
import { getDisplayWidth } from './get-display-width.js';
import { wrapText } from './wrap-text.js';

describe('wrapText', () => {
  it('breaks lines at spaces so none is wider than the width', () => {
    expect(wrapText('one two three four', 9)).toBe('one two\nthree\nfour');
    expect(wrapText('short', 40)).toBe('short');
  });

  it('keeps line breaks, blank lines and the indentation of list items', () => {
    const text = 'Title\n\n  - a list item that is long\nend';
    expect(wrapText(text, 16)).toBe('Title\n\n  - a list item\n  that is long\nend');
  });

  it('counts emoji as two columns and cuts a word wider than the row', () => {
    const wrapped = wrapText('✅✅✅ ok abcdefghijkl', 6);
    expect(wrapped).toBe('✅✅✅\nok\nabcdef\nghijkl');
    for (const line of wrapped.split('\n')) expect(getDisplayWidth(line)).toBeLessThanOrEqual(6);
  });

  it('drops an indentation that would leave no room for words', () => {
    expect(wrapText(`${' '.repeat(10)}alpha beta`, 8)).toBe('alpha\nbeta');
  });
});
