import type { IncomingHttpHeaders } from 'node:http';

/**
 * One header from Node's `rawHeaders` (name/value pairs as received), matched case-insensitively.
 * Reading the raw list avoids building `request.headers`, which Node creates lazily on first access:
 * on the benchmark path that object is never needed.
 */
export function readRawHeader(rawHeaders: readonly string[], name: string): string | undefined {
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const candidate = rawHeaders[index]!;
    if (candidate.length === name.length && candidate.toLowerCase() === name) return rawHeaders[index + 1];
  }
  return undefined;
}

/** Headers as Node's `request.headers` gives them: lower-case names, repeated values joined with `, `. */
export function toHeaderRecord(rawHeaders: readonly string[]): IncomingHttpHeaders {
  const headers: Record<string, string> = {};
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}
