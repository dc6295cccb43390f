import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

function directory(yaml?: string): string {
  const path = mkdtempSync(join(tmpdir(), 'arbiter-guardrails-'));
  if (yaml) writeFileSync(join(path, 'arbiter.yaml'), yaml);
  return path;
}

describe('guardrail configuration', () => {
  it('defaults to flagging injections, 1000 messages and 4,000,000 characters per message', () => {
    expect(loadConfig({ cwd: directory(), env: {} }).guardrails).toEqual({
      promptInjection: 'flag',
      promptInjectionByPlan: {},
      promptInjectionThreshold: 0.5,
      maxMessages: 1000,
      maxMessageChars: 4_000_000,
    });
  });

  it('reads the environment and plans.<name>.promptInjection', () => {
    const config = loadConfig({
      cwd: directory(
        'plans:\n  free:\n    promptInjection: block\n  partners:\n    promptInjection: "off"\n',
      ),
      env: {
        GUARDRAIL_PROMPT_INJECTION: 'Block',
        GUARDRAIL_INJECTION_THRESHOLD: '0.7',
        ARBITER_MAX_MESSAGES: '50',
        ARBITER_MAX_MESSAGE_CHARS: '20000',
      },
    });
    expect(config.guardrails).toEqual({
      promptInjection: 'block',
      promptInjectionByPlan: { free: 'block', partners: 'off' },
      promptInjectionThreshold: 0.7,
      maxMessages: 50,
      maxMessageChars: 20_000,
    });
  });

  it('names a bad value', () => {
    let error: unknown;
    try {
      loadConfig({
        cwd: directory(),
        env: { GUARDRAIL_PROMPT_INJECTION: 'warn', ARBITER_MAX_MESSAGES: '0' },
      });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).issues).toEqual([
      { path: 'GUARDRAIL_PROMPT_INJECTION', message: '"warn" is not one of off, flag, block' },
      { path: 'ARBITER_MAX_MESSAGES', message: '"0" must be at least 1' },
    ]);
  });
});
