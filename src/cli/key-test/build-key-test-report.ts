import type { SkippedProvider } from './plan-key-tests.js';
import type { KeyModelResult } from './test-key-model.js';

/** Milliseconds, rounded, as the report writes them. */
const ms = (value: number | undefined): number | null => (value === undefined ? null : Math.round(value));

/**
 * The `--out` report: when and how long, totals, the fastest pair, every key's tally, every result
 * (keys by id only), the providers that had nothing to test, and how many measurements seeded learning.
 */
export function buildKeyTestReport(input: {
  results: readonly KeyModelResult[];
  skipped: readonly SkippedProvider[];
  startedAt: Date;
  durationInMs: number;
  seeded: number;
}) {
  const { results } = input;
  const passed = results.filter((result) => result.isSuccess);
  const fastest = getFastest(results);
  const keys = new Map<string, { key_id: string; provider: string; passed: number; failed: number }>();
  for (const result of results) {
    const tally = keys.get(result.keyId) ?? {
      key_id: result.keyId,
      provider: result.provider,
      passed: 0,
      failed: 0,
    };
    if (result.isSuccess) tally.passed++;
    else tally.failed++;
    keys.set(result.keyId, tally);
  }
  return {
    tested_at: input.startedAt.toISOString(),
    duration_ms: Math.round(input.durationInMs),
    summary: {
      total: results.length,
      passed: passed.length,
      failed: results.length - passed.length,
      keys: keys.size,
      keys_with_failures: [...keys.values()].filter((key) => key.failed > 0).length,
      fastest: fastest
        ? {
            provider: fastest.provider,
            model: fastest.model,
            key_id: fastest.keyId,
            latency_ms: ms(fastest.latencyInMs),
            ttft_ms: ms(fastest.ttftInMs),
          }
        : null,
    },
    keys: [...keys.values()],
    results: results.map((result) => ({
      provider: result.provider,
      model: result.model,
      key_id: result.keyId,
      target: result.targetId,
      ok: result.isSuccess,
      latency_ms: ms(result.latencyInMs),
      ttft_ms: ms(result.ttftInMs),
      tokens_per_second:
        result.tokensPerSecond === undefined ? null : Math.round(result.tokensPerSecond * 10) / 10,
      error: result.error ?? null,
    })),
    skipped: input.skipped,
    seeded: input.seeded,
  };
}

export type KeyTestReport = ReturnType<typeof buildKeyTestReport>;

/** The passing pair with the shortest time to the first token (to the end when there is none). */
export function getFastest(results: readonly KeyModelResult[]): KeyModelResult | undefined {
  const speed = (result: KeyModelResult): number => result.ttftInMs ?? result.latencyInMs;
  return results
    .filter((result) => result.isSuccess)
    .reduce<KeyModelResult | undefined>(
      (best, result) => (!best || speed(result) < speed(best) ? result : best),
      undefined,
    );
}
