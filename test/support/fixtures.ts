import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The captured provider fixtures, which sit beside the project in ../shared (DESIGN.md §8). */
export const fixturesDirectory = fileURLToPath(
  new URL('../../../shared/fixtures/providers/', import.meta.url),
);

export function readFixture(path: string): string {
  return readFileSync(fixturesDirectory + path, 'utf8');
}

export function readJSONFixture<T = unknown>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

/** A `.chunks.jsonl` fixture re-framed as the SSE body it was captured from (see the fixtures README). */
export function readChunksAsSSE(path: string, options: { done?: boolean } = {}): string {
  const lines = readFixture(path)
    .split('\n')
    .filter((line) => line.trim() !== '');
  return (
    lines.map((line) => `data: ${line}\n\n`).join('') + (options.done === false ? '' : 'data: [DONE]\n\n')
  );
}
