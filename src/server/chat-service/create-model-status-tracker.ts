import type { Outcome } from '../../routing/outcome.js';
import type { ProviderErrorKind } from '../../spec/provider-error.js';

/** A model's live status, in the shape of the brief's `LLMStatus`. */
export interface ModelStatus {
  provider: string;
  model: string;
  status: 'online' | 'degraded' | 'offline';
  /** Seconds until the model started answering (first token of a stream, the whole answer otherwise), over the window's successes. */
  response_time_avg: number | null;
  /** Failed share of the window's attempts, 0..1. */
  error_rate: number | null;
  /** ISO 8601 time of the latest attempt. */
  last_check: string | null;
  /** Attempts the status is computed from. */
  samples: number;
  /** Why the status is what it is, when it is not plain evidence. */
  note?: string;
}

export interface ModelStatusTrackerOptions {
  /** Attempts remembered per model. Default 20. */
  windowSize?: number;
  /** This many failures in a row make a model `offline`. Default 3. */
  offlineAfter?: number;
  /** An error rate above this makes a model `degraded`. Default 0.25. */
  degradedErrorRate?: number;
  /** An average response time above this makes a model `degraded`. Default 10 s. */
  slowInMs?: number;
  /** Models remembered; callers choose model ids, so the oldest is forgotten beyond it. Default 1000. */
  maxModels?: number;
}

export interface ModelStatusTracker {
  /** Takes one outcome; O(1), so it can listen on the request path. */
  observe(outcome: Outcome): void;
  get(provider: string, model: string): ModelStatus;
  /** Every `provider/model` an outcome has been seen for. */
  seen(): Array<{ provider: string; model: string }>;
}

interface Sample {
  isSuccess: boolean;
  responseTimeInMs: number;
  at: number;
}

/** Failures the caller caused (or chose): they say nothing about the model's health. */
const callerKinds = new Set<ProviderErrorKind | 'cancelled'>([
  'cancelled',
  'bad-request',
  'context-length',
  'content-filter',
]);

/**
 * Live model status from attempt outcomes, for `GET /models`: the last `windowSize` attempts per
 * `provider/model`, kept in memory. `offline` when the latest `offlineAfter` attempts all failed,
 * `degraded` when the error rate or the average response time is above its threshold, `online`
 * otherwise — and `online` with nulls (and a note saying so) for a model nobody has called yet.
 */
export function createModelStatusTracker(options: ModelStatusTrackerOptions = {}): ModelStatusTracker {
  const windowSize = options.windowSize ?? 20;
  const offlineAfter = options.offlineAfter ?? 3;
  const degradedErrorRate = options.degradedErrorRate ?? 0.25;
  const slowInMs = options.slowInMs ?? 10_000;
  const maxModels = options.maxModels ?? 1000;
  const windows = new Map<string, { provider: string; model: string; samples: Sample[] }>();

  return {
    observe(outcome) {
      if (outcome.errorKind !== undefined && callerKinds.has(outcome.errorKind)) return;
      const key = `${outcome.provider}/${outcome.model}`;
      let window = windows.get(key);
      if (!window) {
        window = { provider: outcome.provider, model: outcome.model, samples: [] };
        windows.set(key, window);
        if (windows.size > maxModels) windows.delete(windows.keys().next().value!);
      }
      window.samples.push({
        isSuccess: outcome.isSuccess,
        responseTimeInMs: outcome.ttftInMs ?? outcome.latencyInMs,
        at: outcome.startedAt + outcome.latencyInMs,
      });
      if (window.samples.length > windowSize) window.samples.shift();
    },
    get(provider, model) {
      const samples = windows.get(`${provider}/${model}`)?.samples ?? [];
      if (samples.length === 0) {
        const note = 'no attempt yet: assumed online';
        return {
          provider,
          model,
          status: 'online',
          response_time_avg: null,
          error_rate: null,
          last_check: null,
          samples: 0,
          note,
        };
      }
      const successes = samples.filter((sample) => sample.isSuccess);
      const errorRate = 1 - successes.length / samples.length;
      const averageInMs =
        successes.length > 0
          ? successes.reduce((sum, sample) => sum + sample.responseTimeInMs, 0) / successes.length
          : null;
      const latest = samples.slice(-offlineAfter);
      const isOffline = latest.length === offlineAfter && latest.every((sample) => !sample.isSuccess);
      const isDegraded = errorRate > degradedErrorRate || (averageInMs !== null && averageInMs > slowInMs);
      return {
        provider,
        model,
        status: isOffline ? 'offline' : isDegraded ? 'degraded' : 'online',
        response_time_avg: averageInMs === null ? null : Math.round(averageInMs) / 1000,
        error_rate: Math.round(errorRate * 1000) / 1000,
        last_check: new Date(samples.at(-1)!.at).toISOString(),
        samples: samples.length,
      };
    },
    seen() {
      return [...windows.values()].map(({ provider, model }) => ({ provider, model }));
    },
  };
}
