import { readRawHeader } from '../read-raw-header.js';

/** The key from `Authorization: Bearer <key>` (PROVIDERS.md §2.1), or undefined when there is none. */
export function readOpenAIApiKey(rawHeaders: readonly string[]): string | undefined {
  const authorization = readRawHeader(rawHeaders, 'authorization');
  if (authorization === undefined) return undefined;
  const match = /^Bearer\s+(\S.*)$/i.exec(authorization.trim());
  return match?.[1]?.trim();
}
