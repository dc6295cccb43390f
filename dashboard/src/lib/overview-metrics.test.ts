import { describe, expect, it } from 'vitest';
import type { Overview } from '../api/admin-api-types';
import { getChartData, summarizeOverviewMetric } from './overview-metrics';

const t0 = Date.UTC(2026, 0, 5, 14, 0);
const bucket = 15 * 60_000;
const point = (index: number, requests: number, errors: number, p99: number | null, cost: number) => ({
  t: t0 + index * bucket,
  requests,
  errors,
  p50_ms: p99 === null ? null : p99 / 4,
  p99_ms: p99,
  cost_usd: cost,
});

const overview: Overview = {
  window: '24h',
  bucket_ms: bucket,
  from: t0,
  to: t0 + 2 * bucket,
  totals: {
    requests: 14,
    errors: 2,
    success_rate: 12 / 14,
    p50_ms: 120,
    p99_ms: 900,
    cost_usd: 0.0042,
    prompt_tokens: 300,
    completion_tokens: 500,
  },
  series: [
    { provider: 'openai', points: [point(0, 10, 0, 400, 0.004), point(1, 0, 0, null, 0)] },
    { provider: 'groq', points: [point(0, 0, 0, null, 0), point(1, 2, 0, 900, 0.0002)] },
    { provider: 'none', points: [point(0, 2, 2, 5, 0), point(1, 0, 0, null, 0)] },
  ],
};

describe('overview metrics', () => {
  it('turns series into uPlot lines, in seconds, for the providers shown', () => {
    const data = getChartData(overview, 'requests', new Set(['openai', 'groq']));
    expect(data.times).toEqual([t0 / 1000, (t0 + bucket) / 1000]);
    expect(data.lines).toEqual([
      { provider: 'openai', variant: 'main', values: [10, 0] },
      { provider: 'groq', variant: 'main', values: [0, 2] },
    ]);
  });

  it('leaves a gap in the success rate where nothing happened, and draws p50 and p99 for latency', () => {
    expect(getChartData(overview, 'success', new Set(['none', 'groq'])).lines).toEqual([
      { provider: 'groq', variant: 'main', values: [null, 1] },
      { provider: 'none', variant: 'main', values: [0, null] },
    ]);
    expect(getChartData(overview, 'latency', new Set(['groq'])).lines).toEqual([
      { provider: 'groq', variant: 'main', values: [null, 225] },
      { provider: 'groq', variant: 'p99', values: [null, 900] },
    ]);
  });

  it('summarizes each chart in words', () => {
    expect(summarizeOverviewMetric(overview, 'requests')).toMatch(
      /^14 requests in the last 24 hours: openai 10, groq 2, none 2\. Busiest bucket: 10 at .+ \(openai\)\.$/,
    );
    expect(summarizeOverviewMetric(overview, 'success')).toBe(
      'Success rate 85.7% in the last 24 hours: openai 100%, groq 100%, none 0%.',
    );
    expect(summarizeOverviewMetric(overview, 'latency')).toMatch(
      /^Latency in the last 24 hours: p50 120 ms, p99 900 ms\. Slowest bucket: p99 900 ms at .+ \(groq\)\.$/,
    );
    expect(summarizeOverviewMetric(overview, 'cost')).toBe(
      '$0.0042 spent in the last 24 hours: openai $0.004, groq $0.0002, none $0.',
    );
  });

  it('says when the window is empty', () => {
    const empty = { ...overview, window: '1h' as const, totals: { ...overview.totals, requests: 0 } };
    expect(summarizeOverviewMetric(empty, 'cost')).toBe('No requests in the last hour.');
  });
});
