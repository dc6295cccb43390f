import type { IncomingHttpHeaders } from 'node:http';

/**
 * The key a caller sent: `X-API-Key` (what Anthropic's SDK sends, accepted on every route), else
 * `Authorization: Bearer` (what OpenAI's SDK sends). Undefined when neither carries one.
 */
export function readPresentedKey(headers: IncomingHttpHeaders): string | undefined {
  const apiKey = headers['x-api-key'];
  const fromHeader = (Array.isArray(apiKey) ? apiKey[0] : apiKey)?.trim();
  if (fromHeader) return fromHeader;
  const authorization = headers.authorization;
  if (!authorization) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}
