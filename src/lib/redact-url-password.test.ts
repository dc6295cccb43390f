import { describe, expect, it } from 'vitest';
import { redactUrlPassword } from './redact-url-password.js';

describe('redactUrlPassword', () => {
  it('hides the password and keeps user, host, port and database', () => {
    expect(redactUrlPassword('postgres://arbiter:s3cret@db.internal:5432/arbiter')).toBe(
      'postgres://arbiter:***@db.internal:5432/arbiter',
    );
    expect(redactUrlPassword('postgresql://arbiter@127.0.0.1/arbiter')).toBe(
      'postgresql://arbiter@127.0.0.1/arbiter',
    );
  });

  it('drops the query string, where libpq also accepts a password', () => {
    expect(redactUrlPassword('postgres://db/arbiter?password=s3cret&sslmode=require#x')).toBe(
      'postgres://db/arbiter',
    );
  });

  it('keeps nothing of text that is not a URL', () => {
    expect(redactUrlPassword('user:s3cret@db/arbiter')).toBe('(a URL that does not parse)');
    expect(redactUrlPassword('postgres://user:12/3secret@db/arbiter')).toBe('(a URL that does not parse)');
  });
});
