import { describe, expect, it } from 'vitest';
import { applyHiddenKeystrokes, type HiddenLineState } from './apply-hidden-keystrokes.js';

const typing: HiddenLineState = { text: '', status: 'typing', rest: '' };
const type = (...chunks: string[]) => chunks.reduce(applyHiddenKeystrokes, typing);

describe('applyHiddenKeystrokes (hidden input in raw mode)', () => {
  it('collects characters until Enter, across chunks, and keeps type-ahead for the next prompt', () => {
    expect(type('pa', 'ss', 'word')).toEqual({ text: 'password', status: 'typing', rest: '' });
    expect(type('secret\rnext-key\r')).toEqual({ text: 'secret', status: 'done', rest: 'next-key\r' });
    expect(type('pasted\r\nrest')).toEqual({ text: 'pasted', status: 'done', rest: 'rest' });
    expect(type('line\n')).toEqual({ text: 'line', status: 'done', rest: '' });
  });

  it('edits: Backspace removes a whole character, Ctrl-U clears the line', () => {
    expect(type('abc\u007f\u007fd\r').text).toBe('ad');
    expect(type('contraseñ\bña😀\u007f\r').text).toBe('contraseña');
    expect(type('wrong\u0015right\r').text).toBe('right');
    expect(type('\u007f\u007fok\r').text).toBe('ok');
  });

  it('cancels on Ctrl-C, and on Ctrl-D only when nothing was typed', () => {
    expect(type('secret\u0003')).toEqual({ text: '', status: 'cancelled', rest: '' });
    expect(type('\u0004')).toMatchObject({ status: 'cancelled' });
    expect(type('abc\u0004')).toMatchObject({ text: 'abc', status: 'done' });
  });

  it('ignores arrow keys and other escape sequences and control characters', () => {
    expect(type('a\u001b[Db\u001bOC\u001b[1;5Cc\t\u0001\r').text).toBe('abc');
    expect(type('pass word \r').text).toBe('pass word ');
  });
});
