import type { Outcome } from '../outcome.js';
import { createBoundedSample, type BoundedSample } from './bounded-sample.js';
import { getFailureBlame } from './get-failure-blame.js';
import {
  createSlidingWindowCounts,
  type SlidingWindowCounts,
  type WindowCounts,
} from './sliding-window-counts.js';

/**
 * The timings kept per target. They are kept apart because they are not comparable: a stream's total
 * duration grows with the answer's length, while its time to first token is what a streaming caller waits.
 * - `latency`: a non-streamed call, start to full answer.
 * - `ttft`: a stream, start to the first content part (the commit point).
 * - `stream-duration`: a stream, start to its end.
 */
export type LatencyMetric = 'latency' | 'ttft' | 'stream-duration';

/** The timings that also keep a sample for quantiles (hedging delays). */
export type SampledMetric = 'latency' | 'ttft';

/** What selectors and strategies read. */
export interface TargetStatsReader {
  /** Attempts started and not yet ended. */
  inFlight(targetId: string): number;
  /** The smoothed average (EWMA) of a timing, in ms; undefined until measured. */
  average(targetId: string, metric: LatencyMetric): number | undefined;
  /** A quantile (0..1) of the recent sample, in ms; undefined until measured. */
  quantile(targetId: string, q: number, metric: SampledMetric): number | undefined;
  /** Successes and failures in the sliding window; caller-caused failures and cancellations not counted. */
  counts(targetId: string, now: number): WindowCounts;
  /** Unix ms when the last successful attempt ended. */
  lastSuccessAt(targetId: string): number | undefined;
}

/** One target's statistics, for dashboards and metrics. */
export interface TargetStatsSnapshot extends WindowCounts {
  targetId: string;
  inFlight: number;
  lastSuccessAt?: number;
  average: Partial<Record<LatencyMetric, number>>;
  p50: Partial<Record<SampledMetric, number>>;
  p90: Partial<Record<SampledMetric, number>>;
}

/** Live per-target statistics, fed by attempts starting and ending and by their outcomes. */
export interface TargetStats extends TargetStatsReader {
  /** An attempt against the target starts. */
  begin(targetId: string): void;
  /** An attempt against the target ended, however it ended. */
  end(targetId: string): void;
  record(outcome: Outcome): void;
  snapshot(now: number): TargetStatsSnapshot[];
  /** The recent sample of a timing (up to `sampleSize` values, in no order), for histograms; empty until measured. */
  samples(targetId: string, metric: LatencyMetric): number[];
}

/** Smoothing, sample sizes and memory bounds of the statistics. */
export interface TargetStatsOptions {
  /**
   * Weight of the newest measurement in the averages, 0 < α ≤ 1: `average = α·sample + (1 − α)·average`,
   * the first sample taken as it is. Default 0.2: a sample's weight halves every ~3 newer samples, so the
   * average mostly reflects the last ~10 answers and one slow answer moves it by a fifth of the difference.
   * Per sample, not per unit of time, so an idle target keeps its last estimate instead of fading away.
   */
  smoothing?: number;
  /** Values kept per timing for quantiles and histograms. Default 64. */
  sampleSize?: number;
  /** Span of the success/failure counts. Default 5 minutes, in 10 buckets. */
  windowInMs?: number;
  windowBuckets?: number;
  /**
   * Targets tracked at most. Target ids include the model, which callers can name freely
   * (`groq/anything`), so the map is capped: past it, the least recently used idle target is forgotten.
   * Default 1000.
   */
  maxTargets?: number;
}

interface Entry {
  inFlight: number;
  average: Partial<Record<LatencyMetric, number>>;
  /** Stream durations are sampled too, for histograms only: no quantile of them drives routing. */
  samples: Record<LatencyMetric, BoundedSample>;
  window: SlidingWindowCounts;
  lastSuccessAt?: number;
}

/**
 * Per-target statistics in memory. Timings come only from successful attempts (a fast 429 must not make
 * a target look fast), except time to first token, which is valid as soon as a stream committed even if
 * it failed or was cancelled later. Failures of the caller's own request and cancellations are not
 * counted (see getFailureBlame).
 *
 * @example
 * const stats = createTargetStats();
 * stats.begin(target.id);
 * // ...the attempt runs; the outcome listener calls stats.record(outcome) ...
 * stats.end(target.id);
 * stats.quantile(target.id, 0.9, 'ttft'); // a hedging delay
 */
export function createTargetStats(options: TargetStatsOptions = {}): TargetStats {
  const smoothing = options.smoothing ?? 0.2;
  if (!(smoothing > 0 && smoothing <= 1))
    throw new RangeError(`smoothing must be in (0, 1], got ${smoothing}`);
  const maxTargets = options.maxTargets ?? 1000;
  const entries = new Map<string, Entry>();

  let lastTouched: string | undefined;

  function touch(targetId: string): Entry {
    let entry = entries.get(targetId);
    // Already the most recent: nothing to reorder (a request touches its target several times).
    if (entry && targetId === lastTouched) return entry;
    lastTouched = targetId;
    if (entry) {
      // Re-inserting keeps the map in least-recently-used order for eviction.
      entries.delete(targetId);
    } else {
      entry = {
        inFlight: 0,
        average: {},
        samples: {
          latency: createBoundedSample(options.sampleSize ?? 64),
          ttft: createBoundedSample(options.sampleSize ?? 64),
          'stream-duration': createBoundedSample(options.sampleSize ?? 64),
        },
        window: createSlidingWindowCounts({
          windowInMs: options.windowInMs,
          bucketCount: options.windowBuckets,
        }),
      };
      evictIfFull();
    }
    entries.set(targetId, entry);
    return entry;
  }

  function evictIfFull(): void {
    if (entries.size < maxTargets) return;
    for (const [targetId, entry] of entries) {
      if (entry.inFlight === 0) {
        entries.delete(targetId);
        return;
      }
    }
  }

  function measure(entry: Entry, metric: LatencyMetric, value: number): void {
    const previous = entry.average[metric];
    entry.average[metric] = previous === undefined ? value : smoothing * value + (1 - smoothing) * previous;
    entry.samples[metric].add(value);
  }

  return {
    begin(targetId) {
      touch(targetId).inFlight += 1;
    },
    end(targetId) {
      const entry = entries.get(targetId);
      // Never below zero: an unmatched end would otherwise leave the target looking less than idle, first
      // in every least-busy order for good.
      if (entry) entry.inFlight = Math.max(0, entry.inFlight - 1);
    },
    record(outcome) {
      const entry = touch(outcome.targetId);
      const endedAt = outcome.startedAt + outcome.latencyInMs;
      if (outcome.ttftInMs !== undefined) measure(entry, 'ttft', outcome.ttftInMs);
      if (outcome.isSuccess) {
        measure(entry, outcome.isStream ? 'stream-duration' : 'latency', outcome.latencyInMs);
        entry.window.add(true, endedAt);
        entry.lastSuccessAt = Math.max(entry.lastSuccessAt ?? endedAt, endedAt);
        return;
      }
      // A failure without a kind is the target's until proven otherwise.
      const blame = getFailureBlame(outcome.errorKind ?? 'server');
      if (blame !== 'request' && blame !== 'none') entry.window.add(false, endedAt);
    },
    inFlight: (targetId) => entries.get(targetId)?.inFlight ?? 0,
    average: (targetId, metric) => entries.get(targetId)?.average[metric],
    quantile: (targetId, q, metric) => entries.get(targetId)?.samples[metric].quantile(q),
    counts: (targetId, now) => entries.get(targetId)?.window.counts(now) ?? { successes: 0, failures: 0 },
    lastSuccessAt: (targetId) => entries.get(targetId)?.lastSuccessAt,
    samples: (targetId, metric) => entries.get(targetId)?.samples[metric].values() ?? [],
    snapshot(now) {
      return [...entries].map(([targetId, entry]) => ({
        targetId,
        inFlight: entry.inFlight,
        ...entry.window.counts(now),
        ...(entry.lastSuccessAt === undefined ? {} : { lastSuccessAt: entry.lastSuccessAt }),
        average: { ...entry.average },
        p50: quantiles(entry, 0.5),
        p90: quantiles(entry, 0.9),
      }));
    },
  };
}

function quantiles(entry: Entry, q: number): Partial<Record<SampledMetric, number>> {
  const result: Partial<Record<SampledMetric, number>> = {};
  for (const metric of ['latency', 'ttft'] as const) {
    const value = entry.samples[metric].quantile(q);
    if (value !== undefined) result[metric] = value;
  }
  return result;
}
