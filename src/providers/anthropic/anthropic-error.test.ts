import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ProviderErrorKind } from '../../spec/provider-error.js';
import { convertAnthropicError, convertAnthropicStreamError } from './anthropic-error.js';

const envelope = (type: string, message: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'error', error: { type, message, ...extra }, request_id: 'req_011CTest' });

const convert = (status: number, bodyText: string, headers: Record<string, string> = {}) =>
  convertAnthropicError({ provider: 'anthropic', status, headers, bodyText });

describe('convertAnthropicError (PROVIDERS.md §5.7)', () => {
  const table: Array<[number, string, string, ProviderErrorKind, boolean]> = [
    [400, 'invalid_request_error', 'max_tokens: Field required', 'bad-request', false],
    [
      400,
      'invalid_request_error',
      'prompt is too long: 205429 tokens > 200000 maximum',
      'context-length',
      false,
    ],
    [
      400,
      'invalid_request_error',
      'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      'quota',
      false,
    ],
    [400, 'invalid_request_error', 'Output blocked by content filtering policy', 'content-filter', false],
    [401, 'authentication_error', 'invalid x-api-key', 'auth', false],
    [402, 'billing_error', 'Payment required', 'quota', false],
    [
      403,
      'permission_error',
      'Your API key does not have permission to use the specified resource.',
      'auth',
      false,
    ],
    [404, 'not_found_error', 'model: claude-nope', 'not-found', false],
    [413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.', 'bad-request', false],
    [
      429,
      'rate_limit_error',
      'Number of request tokens has exceeded your per-minute rate limit',
      'rate-limited',
      true,
    ],
    [500, 'api_error', 'Internal server error', 'server', true],
    [504, 'timeout_error', 'Request timeout', 'timeout', true],
    [529, 'overloaded_error', 'Overloaded', 'overloaded', true],
  ];

  for (const [status, type, message, kind, retryable] of table) {
    it(`${status} ${type} → ${kind}`, () => {
      expect(convert(status, envelope(type, message))).toMatchObject({
        kind,
        retryable,
        status,
        code: type,
        message,
        provider: 'anthropic',
      });
    });
  }

  it('treats a 429 for an enforced spend limit as quota, not a rate limit', () => {
    const error = convert(
      429,
      envelope('rate_limit_error', 'You have reached your specified API usage limits.', {
        details: { error_code: 'enforced_spend_limit_reached' },
      }),
    );
    expect(error).toMatchObject({ kind: 'quota', retryable: false, code: 'enforced_spend_limit_reached' });
  });

  it('reads the captured 400 body and survives bodies that are not JSON', () => {
    expect(convert(400, readFixture('anthropic/error-400-prompt-too-long.json')).kind).toBe('context-length');
    expect(convert(502, '<html>Bad gateway</html>')).toMatchObject({
      kind: 'server',
      message: '<html>Bad gateway</html>',
    });
    expect(convert(503, '')).toMatchObject({ kind: 'overloaded', message: 'HTTP 503' });
  });

  it('maps mid-stream error events by their type', () => {
    const kindOf = (type: string, message = 'x') =>
      convertAnthropicStreamError(JSON.parse(envelope(type, message)), 'anthropic').kind;
    expect(kindOf('overloaded_error')).toBe('overloaded');
    expect(kindOf('api_error')).toBe('server');
    expect(kindOf('api_error', 'Overloaded')).toBe('overloaded');
    expect(kindOf('rate_limit_error')).toBe('rate-limited');
    expect(kindOf('invalid_request_error', 'prompt is too long: 1 tokens > 0 maximum')).toBe(
      'context-length',
    );
    expect(kindOf('something_new')).toBe('server');
    const error = convertAnthropicStreamError({ type: 'error' }, 'anthropic');
    expect(error).toMatchObject({ kind: 'server', status: undefined });
    expect(error.message).toContain('anthropic');
  });
});
