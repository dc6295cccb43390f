import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSpinner } from './create-spinner.js';

function createStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { writes, isTTY, columns, write: (text: string) => writes.push(text) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createSpinner', () => {
  it('redraws one line with a new frame and the elapsed time, and erases it when stopped', () => {
    const stream = createStream(true);
    let now = 1_000;
    const spinner = createSpinner({ label: 'Competing', stream, now: () => now, intervalInMs: 100 });
    expect(stream.writes).toEqual(['\r⠋ Competing 0.0 s\u001B[K']);
    now = 2_250;
    vi.advanceTimersByTime(100);
    expect(stream.writes[1]).toBe('\r⠙ Competing 1.3 s\u001B[K');
    spinner.stop();
    spinner.stop();
    expect(stream.writes.at(-1)).toBe('\r\u001B[K');
    const count = stream.writes.length;
    vi.advanceTimersByTime(1_000);
    expect(stream.writes).toHaveLength(count);
  });

  it('erases its line and exits 130 on Ctrl-C, and leaves SIGINT alone once stopped', () => {
    const stream = createStream(true);
    const codes: number[] = [];
    const before = process.listenerCount('SIGINT');
    const spinner = createSpinner({ label: 'Competing', stream, exit: (code) => codes.push(code) });
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    const interrupt = process.listeners('SIGINT').at(-1) as () => void;
    interrupt();
    expect(codes).toEqual([130]);
    expect(stream.writes.at(-1)).toBe('\r\u001B[K');
    expect(process.listenerCount('SIGINT')).toBe(before);
    spinner.stop();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('fits the line to the terminal width', () => {
    const stream = createStream(true, 12);
    createSpinner({ label: 'Competing: groq, openai', stream, now: () => 0 }).stop();
    expect(stream.writes[0]).toBe('\r⠋ Competing\u001B[K');
  });

  it('writes nothing when the stream is not a terminal', () => {
    const stream = createStream(false);
    const spinner = createSpinner({ label: 'Competing', stream });
    vi.advanceTimersByTime(1_000);
    spinner.stop();
    expect(stream.writes).toEqual([]);
  });
});
