import type { UsageRecord } from '../usage-store.js';

/** A usage record with only the required fields, overridable; ids sort the same in every collation. */
export function makeUsageRecord(overrides: Partial<UsageRecord> & { requestId: string }): UsageRecord {
  return {
    createdAt: Date.UTC(2025, 0, 15, 12),
    endpoint: '/v1/chat/completions',
    route: 'smart',
    status: 200,
    isStream: false,
    isCacheHit: false,
    attempts: [],
    promptTokens: 10,
    completionTokens: 20,
    tokenSource: 'provider',
    costInUsd: 0.001,
    latencyInMs: 100,
    ...overrides,
  };
}

/** A record with every optional field set, for round-trip tests. */
export function makeFullUsageRecord(requestId: string): UsageRecord {
  return makeUsageRecord({
    requestId,
    keyId: 'key_alpha',
    provider: 'groq',
    model: 'llama-3.3-70b-versatile',
    status: 200,
    isStream: true,
    isCacheHit: true,
    attempts: [
      {
        targetId: 'openai/gpt-4o-mini#1',
        provider: 'openai',
        model: 'gpt-4o-mini',
        isSuccess: false,
        errorKind: 'rate-limited',
        status: 429,
        latencyInMs: 12.5,
      },
      {
        targetId: 'groq/llama-3.3-70b-versatile#0',
        provider: 'groq',
        model: 'llama-3.3-70b-versatile',
        isSuccess: true,
        latencyInMs: 340,
        ttftInMs: 85,
      },
    ],
    tokenSource: 'estimated',
    costInUsd: 0.000_123_4,
    latencyInMs: 352.75,
    ttftInMs: 97,
    errorCode: 'none',
    conversationId: 'conv-1',
    requestBody: '{"model":"smart","messages":[{"role":"user","content":"héllo ✓"}]}',
    responseBody: '{"id":"chatcmpl-1"}',
  });
}
