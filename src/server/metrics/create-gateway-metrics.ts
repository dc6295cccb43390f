import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UsageRecord } from '../../store/usage-store.js';
import { createLabelCap } from './create-label-cap.js';

/** One target's live state, read at scrape time. */
export interface TargetGaugeSource {
  targetId: string;
  provider: string;
  circuitState: 'closed' | 'open' | 'half-open';
  inFlight: number;
}

/** One learned score, read at scrape time (see src/learning). */
export interface LearnedScoreSource {
  targetId: string;
  route: string;
  score: number;
  terms: Readonly<Record<string, number>>;
}

export interface GatewayMetricsOptions {
  /** The targets whose circuit state and in-flight count are exported. */
  targets?: () => readonly TargetGaugeSource[];
  /** The learned router's scores, once learning is wired. */
  learnedScores?: () => readonly LearnedScoreSource[];
  /** Distinct `key_id` label values kept before the rest are folded into `other`. Default 1000. */
  maxKeyIds?: number;
  /** Node's process metrics (CPU, memory, event-loop lag). Default true. */
  includeProcessMetrics?: boolean;
}

export interface GatewayMetrics {
  readonly registry: Registry;
  /** Counts finished requests; fed from the usage recorder's batches, so it costs the request path nothing. */
  observe(records: readonly UsageRecord[]): void;
  /** The Prometheus text exposition. */
  render(): Promise<string>;
}

const circuitValue = { closed: 0, 'half-open': 1, open: 2 } as const;
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];
const TTFT_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8];

/**
 * The gateway's Prometheus metrics, on a registry of its own (never prom-client's global one, so two
 * gateways in one process do not mix). Request metrics come from usage records, which the recorder builds
 * off the request path; gauges are read from live state when scraped. Labels are bounded: providers and
 * models of configured targets, HTTP statuses, error kinds, and gateway key ids (capped) — never keys or
 * anything the caller typed.
 * @example const metrics = createGatewayMetrics({ targets }); gateway.onUsageRecords(metrics.observe);
 */
export function createGatewayMetrics(options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.includeProcessMetrics !== false) collectDefaultMetrics({ register: registry });
  const keyLabel = createLabelCap(options.maxKeyIds ?? 1000);
  const registers = [registry];

  const requests = new Counter({
    name: 'llm_requests_total',
    help: 'Requests answered, by the provider and model that served them (none when no target did) and HTTP status.',
    labelNames: ['provider', 'model', 'status'] as const,
    registers,
  });
  const responseTime = new Histogram({
    name: 'llm_response_time_seconds',
    help: 'Time from request to full answer (end of stream for streams), by provider.',
    labelNames: ['provider'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const ttft = new Histogram({
    name: 'llm_time_to_first_token_seconds',
    help: 'Time from request to the first content token of streamed answers, by provider.',
    labelNames: ['provider'] as const,
    buckets: TTFT_BUCKETS,
    registers,
  });
  const tokens = new Counter({
    name: 'llm_tokens_used_total',
    help: 'Tokens used, by provider, direction (input or output) and gateway key id.',
    labelNames: ['provider', 'direction', 'key_id'] as const,
    registers,
  });
  const errors = new Counter({
    name: 'llm_errors_total',
    help: 'Failed upstream attempts, by provider and error kind (a request that fell back counts each failure).',
    labelNames: ['provider', 'error_type'] as const,
    registers,
  });
  const cost = new Counter({
    name: 'llm_cost_dollars_total',
    help: 'Estimated cost in US dollars from the price table, by provider and gateway key id.',
    labelNames: ['provider', 'key_id'] as const,
    registers,
  });
  const fallbacks = new Counter({
    name: 'llm_fallbacks_total',
    help: 'Attempts started after an earlier attempt of the same request failed.',
    registers,
  });
  const cacheHits = new Counter({
    name: 'llm_cache_hits_total',
    help: 'Requests answered from the response cache.',
    registers,
  });
  new Gauge({
    name: 'llm_circuit_state',
    help: 'Circuit breaker state per target: 0 closed, 1 half-open, 2 open.',
    labelNames: ['target', 'provider'] as const,
    registers,
    // Across `arbiter serve` workers: the most open breaker, not a sum of states.
    aggregator: 'max',
    collect() {
      this.reset();
      for (const target of options.targets?.() ?? [])
        this.set({ target: target.targetId, provider: target.provider }, circuitValue[target.circuitState]);
    },
  });
  new Gauge({
    name: 'llm_target_in_flight',
    help: 'Attempts in flight per target.',
    labelNames: ['target', 'provider'] as const,
    registers,
    collect() {
      this.reset();
      for (const target of options.targets?.() ?? [])
        this.set({ target: target.targetId, provider: target.provider }, target.inFlight);
    },
  });
  new Gauge({
    name: 'llm_learned_score',
    help: 'The learned router score per target and route (term="total"), and each of its terms.',
    labelNames: ['target', 'route', 'term'] as const,
    registers,
    aggregator: 'average',
    collect() {
      this.reset();
      for (const entry of options.learnedScores?.() ?? []) {
        this.set({ target: entry.targetId, route: entry.route, term: 'total' }, entry.score);
        for (const [term, value] of Object.entries(entry.terms))
          this.set({ target: entry.targetId, route: entry.route, term }, value);
      }
    },
  });

  function observeOne(record: UsageRecord): void {
    const provider = record.provider ?? 'none';
    requests.inc({ provider, model: record.model ?? 'none', status: String(record.status) });
    if (record.isCacheHit) cacheHits.inc();
    if (record.provider !== undefined && record.status < 400) {
      responseTime.observe({ provider }, record.latencyInMs / 1000);
      if (record.isStream && record.ttftInMs !== undefined)
        ttft.observe({ provider }, record.ttftInMs / 1000);
    }
    let failedBefore = false;
    for (const attempt of record.attempts) {
      if (failedBefore) fallbacks.inc();
      if (attempt.isSuccess) continue;
      // Cancelled losers of a race or hedge are not errors of their provider.
      if (attempt.errorKind === 'cancelled') continue;
      errors.inc({ provider: attempt.provider, error_type: attempt.errorKind ?? 'unknown' });
      failedBefore = true;
    }
    if (record.provider === undefined) return;
    const key_id = keyLabel(record.keyId ?? 'none');
    if (record.promptTokens > 0) tokens.inc({ provider, direction: 'input', key_id }, record.promptTokens);
    if (record.completionTokens > 0)
      tokens.inc({ provider, direction: 'output', key_id }, record.completionTokens);
    if (record.costInUsd > 0) cost.inc({ provider, key_id }, record.costInUsd);
  }

  return {
    registry,
    observe(records) {
      for (const record of records) observeOne(record);
    },
    render: () => registry.metrics(),
  };
}
