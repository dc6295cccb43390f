import { describe, expect, it } from 'vitest';
import { isLuhnValid, redactSensitive } from './redact-sensitive.js';

describe('redactSensitive', () => {
  it('replaces emails, Luhn-valid card numbers and formatted phone numbers', () => {
    expect(redactSensitive('write to ana.lopez+news@mail.example.co.uk today')).toBe(
      'write to [email] today',
    );
    expect(redactSensitive('card 4111 1111 1111 1111, amex 3782-822463-10005, visa 4012888888881881')).toBe(
      'card [card], amex [card], visa [card]',
    );
    expect(redactSensitive('call +34 612 345 678 or (555) 123-4567 or 555.123.4567')).toBe(
      'call [phone] or [phone] or [phone]',
    );
  });

  it('removes secrets carried in URL query strings', () => {
    expect(redactSensitive('GET /v1beta/models?key=AIzaSyExample123&alt=sse')).toBe(
      'GET /v1beta/models?key=[redacted]&alt=sse',
    );
    expect(redactSensitive('/callback?access_token=abc.def&state=1')).toBe(
      '/callback?access_token=[redacted]&state=1',
    );
  });

  it('keeps numbers that are not cards, and log lines valid JSON', () => {
    expect(redactSensitive('order 4111 1111 1111 1112 and request 1234567890123')).toBe(
      'order 4111 1111 1111 1112 and request 1234567890123',
    );
    const line = JSON.stringify({ time: 4111111111111111, ms: 5551234567, msg: 'user ana@example.com' });
    const redacted = redactSensitive(line);
    expect(JSON.parse(redacted)).toEqual({ time: 4111111111111111, ms: 5551234567, msg: 'user [email]' });
  });

  it('stays linear on long lines', () => {
    const startedAt = performance.now();
    redactSensitive(`${'a'.repeat(500_000)}@${'1'.repeat(500_000)}`);
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });

  it('checks Luhn', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('411111')).toBe(false);
  });
});
