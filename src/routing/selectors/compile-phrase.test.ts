import { describe, expect, it } from 'vitest';
import { compilePhrase } from './compile-phrase.js';

describe('compilePhrase', () => {
  it('matches whole words, case-insensitively', () => {
    const isCode = compilePhrase('Code');
    expect(isCode('Can you review my CODE?')).toBe(true);
    expect(isCode('decode this base64')).toBe(false);
    expect(isCode('codebase')).toBe(false);
  });

  it('matches phrases across any whitespace, and letters beyond ASCII', () => {
    expect(compilePhrase('stack trace')('here is the Stack\n  Trace:')).toBe(true);
    expect(compilePhrase('stack trace')('stacktrace')).toBe(false);
    expect(compilePhrase('größe')('Die GRÖSSE')).toBe(false);
    expect(compilePhrase('größe')('die Größe der Datei')).toBe(true);
  });

  it('matches symbols anywhere, with no word boundary to respect', () => {
    expect(compilePhrase('```')('look:```ts\nconst a = 1;```')).toBe(true);
    expect(compilePhrase('c++')('a C++ question')).toBe(true);
    expect(compilePhrase('c++')('abc++')).toBe(false);
    expect(compilePhrase('.py')('run main.py please')).toBe(true);
  });
});
