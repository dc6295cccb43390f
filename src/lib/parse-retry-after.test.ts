import { describe, expect, it } from 'vitest';
import { parseDurationMs, parseRetryAfterMs } from './parse-retry-after.js';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('prefers retry-after-ms, then retry-after seconds', () => {
    expect(parseRetryAfterMs({ 'retry-after-ms': '1500.5', 'retry-after': '9' }, now)).toBe(1501);
    expect(parseRetryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30_000);
  });

  it('falls back to the exhausted OpenAI reset header', () => {
    const headers = {
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '6m0s',
      'x-ratelimit-remaining-tokens': '100',
      'x-ratelimit-reset-tokens': '1s',
    };
    expect(parseRetryAfterMs(headers, now)).toBe(360_000);
  });

  it('reads Anthropic RFC 3339 reset timestamps', () => {
    const headers = {
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:05Z',
    };
    expect(parseRetryAfterMs(headers, now)).toBe(5000);
  });

  it('says nothing when nothing was said', () => {
    expect(parseRetryAfterMs({}, now)).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });
});

describe('parseDurationMs', () => {
  it('parses Go-style durations', () => {
    expect(parseDurationMs('12ms')).toBe(12);
    expect(parseDurationMs('1h2m3.5s')).toBe(3_723_500);
    expect(parseDurationMs('0.5')).toBe(500);
    expect(parseDurationMs('')).toBeUndefined();
  });
});
