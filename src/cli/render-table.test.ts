import { describe, expect, it } from 'vitest';
import { createStyle } from './create-style.js';
import { getDisplayWidth, stripAnsi } from './get-display-width.js';
import { renderTable } from './render-table.js';

describe('getDisplayWidth', () => {
  it('counts emoji as two columns, escapes and selectors as none', () => {
    expect(getDisplayWidth('✅ ok')).toBe(5);
    expect(getDisplayWidth('❌')).toBe(2);
    expect(getDisplayWidth('⚠️ degraded')).toBe(11);
    expect(getDisplayWidth('\u001B[32mgreen\u001B[39m')).toBe(5);
    expect(getDisplayWidth('日本')).toBe(4);
    expect(getDisplayWidth('é')).toBe(1);
  });
});

describe('renderTable', () => {
  it('aligns columns by display width, right-aligns numbers, and draws a rule under the header', () => {
    const table = renderTable(
      [
        ['groq', '✅ online', '12'],
        ['ollama', '⚠️ degraded', '3'],
        ['openai', '❌ offline', '140'],
      ],
      { header: ['provider', 'status', 'n'], align: ['left', 'left', 'right'] },
    );
    expect(table).toBe(
      [
        '  provider  status         n',
        '  ────────  ───────────  ───',
        '  groq      ✅ online     12',
        '  ollama    ⚠️ degraded    3',
        '  openai    ❌ offline   140',
      ].join('\n'),
    );
  });

  it('keeps coloured cells aligned and styles the header after padding', () => {
    const style = createStyle({ stream: { isTTY: true }, env: {} });
    const table = renderTable(
      [
        [style.green('✅'), 'a'],
        ['x', 'b'],
      ],
      {
        header: ['s', 'v'],
        styleHeader: style.bold,
        indent: 0,
      },
    );
    const lines = stripAnsi(table).split('\n');
    expect(lines).toEqual(['s   v', '──  ─', '✅  a', 'x   b']);
    expect(table.split('\n')[0]).toBe('\u001B[1ms \u001B[22m  \u001B[1mv\u001B[22m');
  });
});
