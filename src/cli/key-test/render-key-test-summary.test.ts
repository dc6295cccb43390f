import { describe, expect, it } from 'vitest';
import { createStyle } from '../create-style.js';
import { buildKeyTestReport } from './build-key-test-report.js';
import { renderKeyTestSummary } from './render-key-test-summary.js';
import type { KeyModelResult } from './test-key-model.js';

const results: KeyModelResult[] = [
  {
    provider: 'groq',
    model: 'llama',
    keyId: 'groq#1',
    targetId: 'groq/llama@groq#1',
    isSuccess: true,
    latencyInMs: 420.4,
    ttftInMs: 180.2,
    tokensPerSecond: 88.26,
  },
  {
    provider: 'openai',
    model: 'gpt-x',
    keyId: 'openai#1',
    targetId: 'openai/gpt-x@openai#1',
    isSuccess: true,
    latencyInMs: 300,
    ttftInMs: 250,
  },
  {
    provider: 'openai',
    model: 'gpt-x',
    keyId: 'openai#2',
    targetId: 'openai/gpt-x@openai#2',
    isSuccess: false,
    latencyInMs: 40,
    error: { kind: 'auth', status: 401, message: 'Incorrect API key provided.' },
  },
];

describe('key test report and summary', () => {
  it('tallies each key, finds the fastest first token, and keeps every result by key id', () => {
    const report = buildKeyTestReport({
      results,
      skipped: [{ provider: 'search', reason: 'it has no chat model to test' }],
      startedAt: new Date('2026-01-02T03:04:05Z'),
      durationInMs: 1234.5,
      seeded: 3,
    });
    expect(report.summary).toEqual({
      total: 3,
      passed: 2,
      failed: 1,
      keys: 3,
      keys_with_failures: 1,
      fastest: { provider: 'groq', model: 'llama', key_id: 'groq#1', latency_ms: 420, ttft_ms: 180 },
    });
    expect(report.keys).toContainEqual({ key_id: 'openai#2', provider: 'openai', passed: 0, failed: 1 });
    expect(report.results[0]).toMatchObject({
      ok: true,
      latency_ms: 420,
      ttft_ms: 180,
      tokens_per_second: 88.3,
    });
    expect(report.results[2]!.error).toEqual({
      kind: 'auth',
      status: 401,
      message: 'Incorrect API key provided.',
    });

    const text = renderKeyTestSummary(report, createStyle({ stream: { isTTY: false }, env: {} }));
    expect(text).toMatchInlineSnapshot(`
      "Tested 3 key × model pairs of 3 keys in 1.2 s: 2 passed, 1 failed.

        KEY       MODEL         RESULT  LATENCY    TTFT  TOKENS/S
        ────────  ────────────  ──────  ───────  ──────  ────────
        groq#1    groq/llama    ✓ pass   420 ms  180 ms      88.3
        openai#1  openai/gpt-x  ✓ pass   300 ms  250 ms         -
        openai#2  openai/gpt-x  ✗ fail    40 ms       -         -

      Fastest: groq/llama with groq#1 (first token 180 ms, answer 420 ms)

      Failures:
        openai#2 × openai/gpt-x: auth (401) Incorrect API key provided.
      Not tested: search, because it has no chat model to test."
    `);
  });
});
