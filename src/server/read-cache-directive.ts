import type { IncomingHttpHeaders } from 'node:http';
import type { CacheDirective } from '../cache/cache-directive.js';
import { ApiError } from './api-error.js';

/**
 * What the response cache may do for one chat request: the body field `cache: false` (Arbiter's, removed
 * before the request goes upstream) or `Cache-Control: no-store` skip it entirely; `Cache-Control:
 * no-cache` fetches a fresh answer and stores it. Entries belong to the caller's gateway key (`keyId`).
 * The field is removed even while the cache is off, so no provider ever sees it.
 * @example const cache = readCacheDirective(request.body, request.headers, request.principal?.keyId);
 */
export function readCacheDirective(
  body: unknown,
  headers: IncomingHttpHeaders,
  keyId: string | undefined,
): CacheDirective {
  let isOptedOut = false;
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'cache' in body) {
    const value = (body as Record<string, unknown>).cache;
    delete (body as Record<string, unknown>).cache;
    if (typeof value !== 'boolean') {
      throw new ApiError(400, 'invalid_request_error', "Invalid 'cache': expected true or false.", {
        code: 'invalid_type',
        param: 'cache',
      });
    }
    isOptedOut = !value;
  }
  const header = headers['cache-control'];
  if (header === undefined) return { keyId, shouldLookUp: !isOptedOut, shouldStore: !isOptedOut };
  const directives = (Array.isArray(header) ? header.join(',') : header)
    .toLowerCase()
    .split(',')
    .map((directive) => directive.trim());
  const shouldStore = !isOptedOut && !directives.includes('no-store');
  return { keyId, shouldLookUp: shouldStore && !directives.includes('no-cache'), shouldStore };
}
