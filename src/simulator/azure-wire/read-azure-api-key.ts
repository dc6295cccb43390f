import { readRawHeader } from '../read-raw-header.js';

/**
 * The caller's credential: the `api-key` header, or a Microsoft Entra token sent as `Authorization:
 * Bearer` (PROVIDERS.md §4.1), which the simulator checks like a key.
 */
export function readAzureApiKey(rawHeaders: readonly string[]): string | undefined {
  const apiKey = readRawHeader(rawHeaders, 'api-key')?.trim();
  if (apiKey) return apiKey;
  const authorization = readRawHeader(rawHeaders, 'authorization');
  return authorization === undefined ? undefined : /^Bearer\s+(\S+)/i.exec(authorization.trim())?.[1];
}
