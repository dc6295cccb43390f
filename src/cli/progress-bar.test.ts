import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.js';

function createStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 60, writes, write: (text: string) => writes.push(text) };
}

describe('createProgressBar', () => {
  it('writes one line per quarter when the stream is not a terminal', () => {
    const stream = createStream(false);
    const bar = createProgressBar({ total: 8, label: 'Testing keys', stream });
    for (let index = 0; index < 8; index++) bar.tick();
    bar.done();
    expect(stream.writes).toEqual([
      'Testing keys: 0/8 (0%)\n',
      'Testing keys: 2/8 (25%)\n',
      'Testing keys: 4/8 (50%)\n',
      'Testing keys: 6/8 (75%)\n',
      'Testing keys: 8/8 (100%)\n',
    ]);
  });

  it('writes one line for several quarters passed at once, and a last line for work that stopped early', () => {
    const stream = createStream(false);
    const bar = createProgressBar({ total: 3, label: 'Batch', stream });
    bar.tick(2);
    bar.done();
    bar.tick();
    expect(stream.writes).toEqual(['Batch: 0/3 (0%)\n', 'Batch: 2/3 (66%)\n', 'Batch: 2/3 (66%)\n']);
  });

  it('redraws one line on a terminal, cut to its width, and ends it with a newline', () => {
    const stream = createStream(true);
    const bar = createProgressBar({ total: 2, label: 'Checking', stream });
    bar.tick(1, 'groq#1 ok');
    bar.tick(1, `${'x'.repeat(80)}`);
    bar.done();
    expect(stream.writes[0]).toBe(`\rChecking ${'░'.repeat(24)} 0/2 0%\u001B[K`);
    expect(stream.writes[1]).toBe(`\rChecking ${'█'.repeat(12)}${'░'.repeat(12)} 1/2 50%  groq#1 ok\u001B[K`);
    expect(stream.writes[2]!.replace('\r', '').replace('\u001B[K', '')).toHaveLength(59);
    expect(stream.writes.at(-1)).toBe('\n');
  });
});
