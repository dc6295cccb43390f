import { describe, expect, it } from 'vitest';
import { usageLatencyBoundsInMs, type UsageTimeseriesRow } from '../../store/usage-store.js';
import { buildOverview } from './build-overview.js';
import { parseOverviewQuery } from './parse-overview-query.js';

const minute = 60_000;
const now = Date.UTC(2025, 0, 15, 12, 30, 20);
const range = parseOverviewQuery({ window: '1h' }, now);

/** A row with `requests` all in latency bucket `latencyIndex`. */
function row(
  bucketStart: number,
  provider: string,
  requests: number,
  errors: number,
  latencyIndex: number,
): UsageTimeseriesRow {
  const latencyCounts = new Array<number>(usageLatencyBoundsInMs.length + 1).fill(0);
  latencyCounts[latencyIndex] = requests;
  return {
    bucketStart,
    provider,
    requests,
    errors,
    promptTokens: 10 * requests,
    completionTokens: 20 * requests,
    costInUsd: 0.001 * requests,
    latencyCounts,
  };
}

describe('buildOverview', () => {
  it('gives every provider every bucket, the configured ones first and "none" last', () => {
    const last = range.to - minute;
    const overview = buildOverview(
      [row(range.from, '', 1, 1, 0), row(last, 'zeta', 2, 0, 3), row(last, 'groq', 1, 0, 3)],
      range,
      ['openai', 'groq'],
    );
    expect(overview).toMatchObject({ window: '1h', bucket_ms: minute, from: range.from, to: range.to });
    expect(overview.series.map((entry) => entry.provider)).toEqual(['openai', 'groq', 'zeta', 'none']);
    for (const entry of overview.series) {
      expect(entry.points.map((point) => point.t)).toEqual(
        Array.from({ length: 60 }, (_, index) => range.from + index * minute),
      );
    }
    expect(overview.series[0]!.points[0]).toEqual({
      t: range.from,
      requests: 0,
      errors: 0,
      p50_ms: null,
      p99_ms: null,
      cost_usd: 0,
    });
    expect(overview.series[3]!.points[0]).toMatchObject({ requests: 1, errors: 1, p50_ms: 12.5 });
    expect(overview.series[2]!.points[59]).toMatchObject({ requests: 2, cost_usd: 0.002 });
  });

  it('totals the window with p50 and p99 from the pooled histogram', () => {
    const overview = buildOverview(
      [row(range.from, 'openai', 3, 1, 2), row(range.from + minute, 'openai', 1, 0, 4)],
      range,
      ['openai'],
    );
    expect(overview.totals).toEqual({
      requests: 4,
      errors: 1,
      success_rate: 0.75,
      // Ranks 2 and 3.96 of 4: in (50, 100] at 2/3, and in (250, 500] at 0.96.
      p50_ms: 83.3,
      p99_ms: 490,
      cost_usd: 0.004,
      prompt_tokens: 40,
      completion_tokens: 80,
    });
  });

  it('says a success rate of 1 and null percentiles for an empty window, ignoring rows outside it', () => {
    const overview = buildOverview([row(range.to, 'openai', 5, 5, 0)], range, ['openai']);
    expect(overview.totals).toMatchObject({ requests: 0, success_rate: 1, p50_ms: null, p99_ms: null });
  });
});

describe('parseOverviewQuery', () => {
  it('aligns whole buckets ending with the one that holds now', () => {
    expect(parseOverviewQuery({}, now)).toEqual({
      window: '24h',
      bucketInMs: 900_000,
      from: Date.UTC(2025, 0, 14, 12, 45),
      to: Date.UTC(2025, 0, 15, 12, 45),
    });
    expect(parseOverviewQuery({ window: '7d' }, now).bucketInMs).toBe(7_200_000);
    expect(parseOverviewQuery({ window: '30d' }, now).bucketInMs).toBe(43_200_000);
  });

  it('refuses an unknown window or parameter, naming it', () => {
    expect(() => parseOverviewQuery({ window: '2h' }, now)).toThrow(/'window'/);
    expect(() => parseOverviewQuery({ since: '1' }, now)).toThrow(/'since'/);
  });
});
