import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { readCacheDirective } from './read-cache-directive.js';

describe('readCacheDirective', () => {
  it('looks up and stores by default, for the caller’s key', () => {
    expect(readCacheDirective({ model: 'm' }, {}, 'key_a')).toEqual({
      keyId: 'key_a',
      shouldLookUp: true,
      shouldStore: true,
    });
  });

  it('takes `cache` out of the body: false skips the cache, true changes nothing', () => {
    const body: Record<string, unknown> = { model: 'm', cache: false };
    expect(readCacheDirective(body, {}, undefined)).toMatchObject({
      shouldLookUp: false,
      shouldStore: false,
    });
    expect(body).toEqual({ model: 'm' });
    expect(readCacheDirective({ cache: true }, {}, undefined)).toMatchObject({
      shouldLookUp: true,
      shouldStore: true,
    });
    expect(() => readCacheDirective({ cache: 'no' }, {}, undefined)).toThrow(ApiError);
  });

  it('reads Cache-Control: no-cache fetches fresh and stores, no-store does neither', () => {
    expect(readCacheDirective({}, { 'cache-control': 'No-Cache' }, undefined)).toMatchObject({
      shouldLookUp: false,
      shouldStore: true,
    });
    expect(readCacheDirective({}, { 'cache-control': 'max-age=0, no-store' }, undefined)).toMatchObject({
      shouldLookUp: false,
      shouldStore: false,
    });
  });
});
