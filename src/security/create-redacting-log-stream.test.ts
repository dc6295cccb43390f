import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createSecretRedactor } from '../lib/redact-secrets.js';
import { createRedactingLogStream } from './create-redacting-log-stream.js';

describe('createRedactingLogStream', () => {
  it('redacts known secrets and personal data in every part of every pino line', () => {
    const lines: string[] = [];
    const secret = 'my-provider-secret-123456';
    const redact = createSecretRedactor([secret]);
    const logger = pino(
      { base: undefined },
      createRedactingLogStream(redact, { write: (line) => lines.push(line) }),
    );
    const child = logger.child({ tenant: `key ${secret}` });
    child.info({ nested: { deep: [secret] }, email: 'ops@example.com' }, `message with ${secret}`);
    child.error({ err: new Error(`upstream said: invalid key ${secret}`) }, 'failed');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(secret);
      expect(() => JSON.parse(line)).not.toThrow();
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      tenant: 'key [redacted]',
      nested: { deep: ['[redacted]'] },
      email: '[email]',
      msg: 'message with [redacted]',
    });
    expect(JSON.parse(lines[1]!).err.message).toBe('upstream said: invalid key [redacted]');
  });

  it('passes flushes through to the destination', () => {
    let flushed = 0;
    const stream = createRedactingLogStream((text) => text, {
      write: () => true,
      flushSync: () => flushed++,
    });
    stream.flushSync?.();
    expect(flushed).toBe(1);
  });
});
