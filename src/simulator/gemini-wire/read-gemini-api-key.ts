import type { IncomingMessage } from 'node:http';
import { readRawHeader } from '../read-raw-header.js';

/**
 * The key from `x-goog-api-key` (what js-genai sends) or the `?key=` query parameter (PROVIDERS.md §6.1),
 * or undefined when there is neither.
 */
export function readGeminiApiKey(request: IncomingMessage): string | undefined {
  const header = readRawHeader(request.rawHeaders, 'x-goog-api-key')?.trim();
  if (header) return header;
  const url = request.url ?? '';
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return undefined;
  return new URLSearchParams(url.slice(queryStart + 1)).get('key') || undefined;
}
