import { fetchProviderStatuses } from './fetch-provider-statuses.js';
import type { GatewayClient } from './gateway-client.js';

/** One provider's requests as the original brief's `/llm stats` lists them. */
export interface ProviderStatsRow {
  /** Null for requests that reached no provider (an unknown model, a refused body). */
  provider: string | null;
  requests: number;
  successes: number;
  failures: number;
  /** Successes over requests, 0..1; null without requests. */
  success_rate: number | null;
  /** Average request time in seconds. */
  average_time_s: number;
}

/** What `arbiter stats` (and `/llm stats`) show, also its `--json`. */
export interface ProviderStatsReport {
  current_provider: string | null;
  /** Configured providers that are not offline. */
  available_providers: string[];
  auto_fallback: boolean | null;
  fallback_order: string[];
  providers: ProviderStatsRow[];
  totals: ProviderStatsRow;
}

interface UsageTotals {
  requests: number;
  errors: number;
  average_latency_ms: number;
}

interface UsageAnswer {
  totals: UsageTotals;
  by_provider: Array<UsageTotals & { provider: string | null }>;
}

/**
 * Requests, successes, failures, success rate and average time per provider from the usage log
 * (`GET /usage?group_by=provider`: a request counts for the provider that answered it, or the last one
 * tried when all failed; a failure is an answer with a status of 400 or more), with the gateway's
 * provider list and `auto`'s fallback setting. `currentProvider` is the REPL's after `/llm switch`.
 */
export async function fetchProviderStats(
  client: GatewayClient,
  currentProvider?: string,
): Promise<ProviderStatsReport> {
  const [usage, statuses] = await Promise.all([
    client.getJson<UsageAnswer>('/usage?group_by=provider'),
    fetchProviderStatuses(client),
  ]);
  const available = statuses.providers
    .filter((row) => row.status !== 'unconfigured' && row.status !== 'offline')
    .map((row) => row.provider);
  return {
    current_provider: currentProvider ?? statuses.default_provider,
    available_providers: available,
    auto_fallback: statuses.auto_fallback,
    fallback_order: statuses.fallback_order,
    providers: usage.by_provider.map((group) => toRow(group.provider, group)),
    totals: toRow(null, usage.totals),
  };
}

function toRow(provider: string | null, totals: UsageTotals): ProviderStatsRow {
  const successes = totals.requests - totals.errors;
  return {
    provider,
    requests: totals.requests,
    successes,
    failures: totals.errors,
    success_rate: totals.requests > 0 ? Math.round((successes / totals.requests) * 1000) / 1000 : null,
    average_time_s: Math.round(totals.average_latency_ms) / 1000,
  };
}
