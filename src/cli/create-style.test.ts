import { describe, expect, it } from 'vitest';
import { createStyle, shouldUseColor } from './create-style.js';

const terminal = { isTTY: true };
const pipe = { isTTY: false };

describe('createStyle', () => {
  it('colours a terminal and leaves a pipe plain', () => {
    expect(createStyle({ stream: terminal, env: {} }).green('ok')).toBe('\u001B[32mok\u001B[39m');
    expect(createStyle({ stream: pipe, env: {} }).green('ok')).toBe('ok');
  });

  it('honours NO_COLOR and TERM=dumb on a terminal, and FORCE_COLOR over both', () => {
    expect(shouldUseColor({ stream: terminal, env: { NO_COLOR: '1' } })).toBe(false);
    expect(shouldUseColor({ stream: terminal, env: { NO_COLOR: '' } })).toBe(true);
    expect(shouldUseColor({ stream: terminal, env: { TERM: 'dumb' } })).toBe(false);
    expect(shouldUseColor({ stream: pipe, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ stream: pipe, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    expect(shouldUseColor({ stream: terminal, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(shouldUseColor({ stream: terminal, env: { FORCE_COLOR: 'false' } })).toBe(false);
  });

  it('nests styles and leaves empty text empty', () => {
    const style = createStyle({ stream: terminal, env: {} });
    expect(style.bold(style.red('x'))).toBe('\u001B[1m\u001B[31mx\u001B[39m\u001B[22m');
    expect(style.dim('')).toBe('');
  });
});
