import { describe, expect, it } from 'vitest';
import { createSecretRedactor } from './redact-secrets.js';

describe('createSecretRedactor', () => {
  it('removes configured secrets wherever they appear', () => {
    const redact = createSecretRedactor(['my-own-secret-value']);
    expect(redact('key my-own-secret-value rejected; again my-own-secret-value')).toBe(
      'key [redacted] rejected; again [redacted]',
    );
  });

  it('removes strings shaped like well-known keys, keeping the harmless prefix', () => {
    const redact = createSecretRedactor();
    expect(redact('Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwx')).toBe(
      'Incorrect API key provided: sk-proj-[redacted]',
    );
    expect(redact('gsk_ABCDEFGHIJKLMNOPQRSTUV and AIzaSyA1234567890abcdefghijk')).toBe(
      'gsk_[redacted] and AIza[redacted]',
    );
    expect(redact('Authorization: Bearer abc.def-ghi_jkl012')).toBe('Authorization: Bearer [redacted]');
  });

  it('leaves ordinary text alone', () => {
    expect(createSecretRedactor(['short'])('a short message about skis')).toBe('a short message about skis');
  });
});
