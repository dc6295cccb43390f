import { describe, expect, it } from 'vitest';
import { readFixture, readJSONFixture } from '../../../test/support/fixtures.js';
import { convertSearchError, type SearchErrorResponse } from './search-error.js';

const convert = (
  backend: SearchErrorResponse['backend'],
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  convertSearchError({
    provider: 'search',
    backend,
    status,
    headers,
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  });

const bingError = (code: string, message: string, extra: Record<string, string> = {}) => ({
  _type: 'ErrorResponse',
  errors: [{ code, message, ...extra }],
});

describe('Bing errors (PROVIDERS.md §8.1)', () => {
  const [missingParameter, missingAuthorization] = readJSONFixture<unknown[]>(
    'web-search/bing-v7-error-responses-docs.json',
  );

  it('maps the documented bodies: 400 names the parameter, 401 is auth', () => {
    expect(convert('bing', 400, missingParameter)).toMatchObject({
      kind: 'bad-request',
      retryable: false,
      status: 400,
      code: 'InvalidRequest',
      param: 'q',
      message: 'bing: Required parameter is missing. (InvalidRequest/ParameterMissing)',
    });
    expect(convert('bing', 401, missingAuthorization)).toMatchObject({
      kind: 'auth',
      retryable: false,
      code: 'InvalidAuthorization',
      message:
        'bing: Authorization is required. Subscription key is not recognized. (InvalidAuthorization/AuthorizationMissing)',
    });
  });

  it('tells the monthly quota (403) from a key without access (403)', () => {
    const quota = convert('bing', 403, bingError('RateLimitExceeded', 'Out of call volume quota.'));
    expect(quota).toMatchObject({ kind: 'quota', retryable: false });
    const denied = convert(
      'bing',
      403,
      bingError('InsufficientAuthorization', 'Insufficient authorization to access the requested resource.'),
    );
    expect(denied).toMatchObject({ kind: 'auth', retryable: false });
  });

  it('honours Retry-After on 429 and explains 410', () => {
    const limited = convert('bing', 429, bingError('RateLimitExceeded', 'Rate limit is exceeded.'), {
      'retry-after': '2',
    });
    expect(limited).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 2000 });
    const gone = convert('bing', 410, '');
    expect(gone).toMatchObject({ kind: 'bad-request', retryable: false, status: 410 });
    expect(gone.message).toMatch(/use https.*retired the Bing Search APIs in August 2025.*SEARCH_BASE_URL/);
    expect(convert('bing', 500, bingError('ServerError', 'Unexpected.'))).toMatchObject({
      kind: 'server',
      retryable: true,
    });
  });
});

describe('Brave errors (PROVIDERS.md §8.2)', () => {
  const rateLimited = readJSONFixture<{ error: { meta: Record<string, unknown> } }>(
    'web-search/brave-error-429-rate-limited.json',
  );

  it('reads the captured 429 as a rate limit, waiting per Retry-After or the per-second reset', () => {
    const error = convert('brave', 429, readFixture('web-search/brave-error-429-rate-limited.json'), {
      'x-ratelimit-reset': '1, 1419704',
    });
    expect(error).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
      retryAfterMs: 1000,
      code: 'RATE_LIMITED',
      message: 'brave: Request rate limit exceeded for plan (RATE_LIMITED)',
    });
    expect(convert('brave', 429, rateLimited, { 'retry-after': '3' }).retryAfterMs).toBe(3000);
  });

  it('is a quota, not retried, once quota_current reached quota_limit', () => {
    const exhausted = {
      ...rateLimited,
      error: { ...rateLimited.error, meta: { ...rateLimited.error.meta, quota_current: 2000 } },
    };
    expect(convert('brave', 429, exhausted)).toMatchObject({ kind: 'quota', retryable: false });
  });

  it('maps a bad token to auth and a validation error to bad-request naming the parameter', () => {
    const token = {
      type: 'ErrorResponse',
      error: {
        id: 'x',
        status: 401,
        code: 'SUBSCRIPTION_TOKEN_INVALID',
        detail: 'The provided subscription token is invalid.',
        meta: {},
      },
    };
    expect(convert('brave', 401, token)).toMatchObject({ kind: 'auth', code: 'SUBSCRIPTION_TOKEN_INVALID' });
    const validation = {
      type: 'ErrorResponse',
      error: {
        status: 422,
        code: 'VALIDATION',
        detail: 'Unable to validate request parameter(s)',
        meta: { errors: [{ type: 'missing', loc: ['query', 'q'], msg: 'Field required' }] },
      },
    };
    expect(convert('brave', 422, validation)).toMatchObject({
      kind: 'bad-request',
      param: 'q',
      code: 'VALIDATION',
    });
    expect(convert('brave', 503, 'upstream unavailable')).toMatchObject({
      kind: 'overloaded',
      message: 'brave: Brave answered HTTP 503',
    });
  });
});

describe('SearXNG errors (PROVIDERS.md §8.4)', () => {
  it('explains a 403 as JSON output disabled in settings.yml', () => {
    const error = convert('searxng', 403, '<!doctype html><title>403 Forbidden</title>');
    expect(error).toMatchObject({ kind: 'auth', retryable: false, code: 'searxng_json_disabled' });
    expect(error.message).toContain('`json` to `search.formats` in its settings.yml');
  });

  it('maps the limiter, a missing query and a failed search', () => {
    expect(convert('searxng', 429, 'Too Many Requests', { 'retry-after': '5' })).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 5000,
    });
    expect(convert('searxng', 400, { error: 'No query' })).toMatchObject({
      kind: 'bad-request',
      message: 'searxng: No query',
    });
    expect(convert('searxng', 500, { error: 'search error' })).toMatchObject({
      kind: 'server',
      retryable: true,
    });
  });
});
