import { expect } from 'vitest';
import type { UsageAggregate, UsageStore } from '../usage-store.js';
import type { StoreUnderTestOptions } from './store-contract.js';
import { makeUsageRecord } from './usage-record-fixture.js';

const at = (iso: string) => Date.parse(iso);

/** Six requests over three UTC days: keys, providers and models overlap, one reached no target. */
const records = [
  {
    id: 'req-1',
    keyId: 'key_a',
    provider: 'openai',
    model: 'gpt-4o',
    time: '2025-01-15T23:59:59.999Z',
    status: 200,
    tokens: [100, 50],
    cost: 0.1,
    latency: 100,
  },
  {
    id: 'req-2',
    keyId: 'key_a',
    provider: 'groq',
    model: 'llama',
    time: '2025-01-16T00:00:00.000Z',
    status: 429,
    tokens: [10, 0],
    cost: 0,
    latency: 20,
  },
  {
    id: 'req-3',
    keyId: 'key_b',
    provider: 'openai',
    model: 'gpt-4o',
    time: '2025-01-16T12:00:00.000Z',
    status: 499,
    tokens: [30, 5],
    cost: 0.2,
    latency: 300,
  },
  {
    id: 'req-4',
    provider: 'openai',
    model: 'gpt-4o',
    time: '2025-01-16T18:00:00.000Z',
    status: 200,
    tokens: [40, 60],
    cost: 0.3,
    latency: 200,
  },
  { id: 'req-5', time: '2025-01-17T01:00:00.000Z', status: 400, tokens: [0, 0], cost: 0, latency: 1 },
  {
    id: 'req-6',
    keyId: 'key_b',
    provider: 'groq',
    model: 'gpt-4o',
    time: '2025-01-17T02:00:00.000Z',
    status: 502,
    tokens: [5, 0],
    cost: 0.05,
    latency: 40,
  },
].map((row) =>
  makeUsageRecord({
    requestId: row.id,
    keyId: row.keyId,
    provider: row.provider,
    model: row.model,
    createdAt: at(row.time),
    status: row.status,
    promptTokens: row.tokens[0],
    completionTokens: row.tokens[1],
    costInUsd: row.cost,
    latencyInMs: row.latency,
  }),
);

/** An expected group; sums of money and averages are compared to 9 decimals, not bit for bit. */
function group(
  name: string,
  [requests, errors, promptTokens, completionTokens]: number[],
  costInUsd: number,
  averageLatencyInMs: number,
): UsageAggregate {
  return {
    group: name,
    requests: requests!,
    errors: errors!,
    promptTokens: promptTokens!,
    completionTokens: completionTokens!,
    costInUsd: expect.closeTo(costInUsd, 9),
    averageLatencyInMs: expect.closeTo(averageLatencyInMs, 9),
  };
}

/** `UsageStore.aggregate`: every grouping, cost sums, error counts, averages and filters. */
export function runUsageAggregateContract(
  open: (options?: StoreUnderTestOptions) => Promise<UsageStore>,
  test: (name: string, body: () => Promise<void>) => void,
): void {
  const seeded = async () => {
    const store = await open();
    await store.append(records);
    return store;
  };

  test('aggregate by key puts keyless requests in the group ""', async () => {
    expect(await (await seeded()).aggregate('key', {})).toEqual([
      group('', [2, 1, 40, 60], 0.3, 100.5),
      group('key_a', [2, 1, 110, 50], 0.1, 60),
      group('key_b', [2, 2, 35, 5], 0.25, 170),
    ]);
  });

  test('aggregate by model groups by provider/model', async () => {
    expect(await (await seeded()).aggregate('model', {})).toEqual([
      group('', [1, 1, 0, 0], 0, 1),
      group('groq/gpt-4o', [1, 1, 5, 0], 0.05, 40),
      group('groq/llama', [1, 1, 10, 0], 0, 20),
      group('openai/gpt-4o', [3, 1, 170, 115], 0.6, 200),
    ]);
  });

  test('aggregate by provider', async () => {
    expect(await (await seeded()).aggregate('provider', {})).toEqual([
      group('', [1, 1, 0, 0], 0, 1),
      group('groq', [2, 2, 15, 0], 0.05, 30),
      group('openai', [3, 1, 170, 115], 0.6, 200),
    ]);
  });

  test('aggregate by day buckets on UTC midnight, oldest first', async () => {
    expect(await (await seeded()).aggregate('day', {})).toEqual([
      group('2025-01-15', [1, 0, 100, 50], 0.1, 100),
      group('2025-01-16', [3, 2, 80, 65], 0.5, 520 / 3),
      group('2025-01-17', [2, 2, 5, 0], 0.05, 20.5),
    ]);
  });

  test('aggregate applies from (inclusive), to (exclusive), key, provider and model', async () => {
    const store = await seeded();
    const range = { from: at('2025-01-16T00:00:00.000Z'), to: at('2025-01-17T01:00:00.000Z') };
    expect(await store.aggregate('day', range)).toEqual([group('2025-01-16', [3, 2, 80, 65], 0.5, 520 / 3)]);
    expect(await store.aggregate('model', { keyId: 'key_b' })).toEqual([
      group('groq/gpt-4o', [1, 1, 5, 0], 0.05, 40),
      group('openai/gpt-4o', [1, 1, 30, 5], 0.2, 300),
    ]);
    expect(await store.aggregate('key', { provider: 'groq' })).toEqual([
      group('key_a', [1, 1, 10, 0], 0, 20),
      group('key_b', [1, 1, 5, 0], 0.05, 40),
    ]);
    expect(await store.aggregate('provider', { model: 'gpt-4o', ...range })).toEqual([
      group('openai', [2, 1, 70, 65], 0.5, 250),
    ]);
  });

  test('aggregate of nothing is an empty list', async () => {
    expect(await (await open()).aggregate('key', {})).toEqual([]);
    expect(await (await seeded()).aggregate('day', { keyId: 'key_unknown' })).toEqual([]);
  });
}
