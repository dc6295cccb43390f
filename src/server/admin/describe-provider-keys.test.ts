import { describe, expect, it } from 'vitest';
import { createKeyHealth } from '../../routing/health/key-health.js';
import { describeProviderKeys } from './describe-provider-keys.js';

describe('describeProviderKeys', () => {
  it("shows each key by id with the worst of its own state and its models' cooldowns", () => {
    const keys = createKeyHealth();
    const cooledModel = 'groq/llama@groq#2';
    keys.onFailure(cooledModel, { kind: 'rate-limited', status: 429, retryAfterMs: 2_000 }, 1_000);
    keys.onFailure('groq#3', { kind: 'quota', status: 429, retryAfterMs: 60_000 }, 1_000);
    const credentials = new Map([
      ['groq#1', ['groq/llama@groq#1']],
      ['groq#2', ['groq/other@groq#2', cooledModel]],
      ['groq#3', [] as string[]],
    ]);
    expect(describeProviderKeys(keys, credentials, 1_500)).toEqual([
      { id: 'groq#1', state: 'available', until: null, status: null },
      { id: 'groq#2', state: 'cooling', until: 3_000, status: 429 },
      { id: 'groq#3', state: 'parked', until: 61_000, status: 429 },
    ]);
  });
});
