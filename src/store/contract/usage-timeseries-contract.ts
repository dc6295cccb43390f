import { expect } from 'vitest';
import { usageLatencyBoundsInMs, type UsageStore, type UsageTimeseriesRow } from '../usage-store.js';
import type { StoreUnderTestOptions } from './store-contract.js';
import { makeUsageRecord } from './usage-record-fixture.js';

const minute = 60_000;
const start = Date.UTC(2025, 0, 15, 12);

/** Requests over three minutes: two providers, one request that reached none, latencies on the bounds. */
const records = [
  { id: 'req-1', offset: 0, provider: 'openai', status: 200, tokens: [10, 20], cost: 0.1, latency: 25 },
  { id: 'req-2', offset: 59_999, provider: 'openai', status: 500, tokens: [5, 0], cost: 0, latency: 25.5 },
  { id: 'req-3', offset: 30_000, provider: 'groq', status: 200, tokens: [1, 2], cost: 0.2, latency: 120_000 },
  { id: 'req-4', offset: 30_001, status: 400, tokens: [0, 0], cost: 0, latency: 0 },
  { id: 'req-5', offset: minute, provider: 'groq', status: 429, tokens: [3, 0], cost: 0, latency: 120_001 },
  {
    id: 'req-6',
    offset: 2 * minute + 1,
    provider: 'groq',
    status: 200,
    tokens: [7, 8],
    cost: 0.3,
    latency: 999,
  },
].map((row) =>
  makeUsageRecord({
    requestId: row.id,
    createdAt: start + row.offset,
    provider: row.provider,
    model: row.provider === undefined ? undefined : 'm',
    status: row.status,
    promptTokens: row.tokens[0],
    completionTokens: row.tokens[1],
    costInUsd: row.cost,
    latencyInMs: row.latency,
  }),
);

/** A histogram with `count` at each given bucket index. */
function histogram(...entries: Array<[index: number, count: number]>): number[] {
  const counts = new Array<number>(usageLatencyBoundsInMs.length + 1).fill(0);
  for (const [index, count] of entries) counts[index] = count;
  return counts;
}

function row(
  bucketStart: number,
  provider: string,
  [requests, errors, promptTokens, completionTokens]: number[],
  costInUsd: number,
  latencyCounts: number[],
): UsageTimeseriesRow {
  return {
    bucketStart,
    provider,
    requests: requests!,
    errors: errors!,
    promptTokens: promptTokens!,
    completionTokens: completionTokens!,
    costInUsd: expect.closeTo(costInUsd, 9),
    latencyCounts,
  };
}

const last = usageLatencyBoundsInMs.length;

/** `UsageStore.timeseries`: buckets, providers, sums, the histogram's edges and the time range. */
export function runUsageTimeseriesContract(
  open: (options?: StoreUnderTestOptions) => Promise<UsageStore>,
  test: (name: string, body: () => Promise<void>) => void,
): void {
  const seeded = async () => {
    const store = await open();
    await store.append(records);
    return store;
  };

  test('timeseries sums per bucket and provider, oldest first, "" for requests that reached none', async () => {
    const store = await seeded();
    expect(await store.timeseries({ from: start, to: start + 3 * minute, bucketInMs: minute })).toEqual([
      row(start, '', [1, 1, 0, 0], 0, histogram([0, 1])),
      row(start, 'groq', [1, 0, 1, 2], 0.2, histogram([last - 1, 1])),
      row(start, 'openai', [2, 1, 15, 20], 0.1, histogram([0, 1], [1, 1])),
      row(start + minute, 'groq', [1, 1, 3, 0], 0, histogram([last, 1])),
      row(start + 2 * minute, 'groq', [1, 0, 7, 8], 0.3, histogram([5, 1])),
    ]);
  });

  test('timeseries counts a latency on a bound in that bound, just above it in the next', async () => {
    const store = await seeded();
    const rows = await store.timeseries({ from: start, to: start + 3 * minute, bucketInMs: 3 * minute });
    expect(rows.map((entry) => entry.provider)).toEqual(['', 'groq', 'openai']);
    const counts = rows.reduce(
      (sum, entry) => sum.map((count, index) => count + entry.latencyCounts[index]!),
      histogram(),
    );
    expect(counts).toEqual(histogram([0, 2], [1, 1], [5, 1], [last - 1, 1], [last, 1]));
  });

  test('timeseries reads from (inclusive) to (exclusive) only', async () => {
    const store = await seeded();
    const rows = await store.timeseries({ from: start + 30_001, to: start + minute + 1, bucketInMs: minute });
    expect(rows.map((entry) => [entry.bucketStart, entry.provider, entry.requests])).toEqual([
      [start, '', 1],
      [start, 'openai', 1],
      [start + minute, 'groq', 1],
    ]);
    expect(await store.timeseries({ from: start - minute, to: start, bucketInMs: minute })).toEqual([]);
  });

  test('timeseries rejects a bucket width or a range it cannot bucket with a RangeError', async () => {
    const store = await open();
    await expect(store.timeseries({ from: 0, to: minute, bucketInMs: 0 })).rejects.toThrow(RangeError);
    await expect(store.timeseries({ from: 0, to: minute, bucketInMs: 1.5 })).rejects.toThrow(RangeError);
    await expect(store.timeseries({ from: minute, to: minute, bucketInMs: 1 })).rejects.toThrow(RangeError);
  });
}
