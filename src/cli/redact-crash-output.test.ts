import { afterEach, describe, expect, it, vi } from 'vitest';
import { redactCrashOutput } from './redact-crash-output.js';

describe('redactCrashOutput', () => {
  const before = process.listeners('uncaughtException');
  afterEach(() => {
    for (const listener of process.listeners('uncaughtException'))
      if (!before.includes(listener)) process.off('uncaughtException', listener);
    vi.restoreAllMocks();
  });

  it('prints an uncaught error redacted, stack included, and exits with a failure code', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    redactCrashOutput((text) => text.replaceAll('gsk_crash_secret_0123', '[redacted]'));
    const error = new Error('upstream refused key gsk_crash_secret_0123');
    const listener = process.listeners('uncaughtException').find((candidate) => !before.includes(candidate));
    listener!(error, 'unhandledRejection');
    expect(written.join('')).toMatch(
      /^Arbiter crashed \(unhandledRejection\): Error: upstream refused key \[redacted\]\n\s+at /,
    );
    expect(written.join('')).not.toContain('gsk_crash_secret_0123');
    expect(exit).toHaveBeenCalledWith(1);
  });
});
