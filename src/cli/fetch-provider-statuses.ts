import { knownProviders } from '../config/known-providers.js';
import { GatewayRequestError, type GatewayClient } from './gateway-client.js';

/** One provider's state: from its default model's live status, or `unconfigured` with the fix. */
export interface ProviderStatusRow {
  provider: string;
  status: 'online' | 'degraded' | 'offline' | 'unconfigured' | 'unknown';
  /** The model `/llm switch <provider>` talks to; null when unconfigured. */
  model: string | null;
  /** Seconds until answers started, over recent successes; null without evidence. */
  response_time_avg: number | null;
  /** Failed share of recent attempts, 0..1; null without evidence. */
  error_rate: number | null;
  /** Attempts the status rests on; 0 means nobody has called the provider yet. */
  samples: number;
  /** Why, when it is not plain evidence (no traffic yet, how to configure it). */
  note?: string;
}

/** What `arbiter providers` (and `/llm providers`) show, also its `--json`. */
export interface ProviderStatusReport {
  providers: ProviderStatusRow[];
  default_provider: string | null;
  auto_fallback: boolean | null;
  fallback_order: string[];
  demo: boolean;
}

/** The parts of `GET /models` the CLI reads (the status fields are those of `GET /models/{m}/status`). */
interface ModelsAnswer {
  models: Array<{ provider: string; model: string }>;
  providers?: string[];
  default_provider?: string | null;
  auto_fallback?: boolean;
  fallback_order?: string[];
  demo?: boolean;
}

interface ModelStatusAnswer {
  provider: string;
  model: string;
  status: 'online' | 'degraded' | 'offline';
  response_time_avg: number | null;
  error_rate: number | null;
  samples: number;
  note?: string;
}

/**
 * Every configured provider with the live status of its default model (`GET /models`, then
 * `GET /models/{provider}/status` for each, concurrently), followed by the providers Arbiter knows but
 * that have no key, with the variable that would configure them.
 */
export async function fetchProviderStatuses(client: GatewayClient): Promise<ProviderStatusReport> {
  const answer = await client.getJson<ModelsAnswer>('/models');
  const configured = answer.providers ?? [...new Set(answer.models.map((model) => model.provider))];
  const rows = await Promise.all(
    configured.map(async (provider): Promise<ProviderStatusRow> => {
      let status: ModelStatusAnswer;
      try {
        status = await client.getJson<ModelStatusAnswer>(`/models/${encodeURIComponent(provider)}/status`);
      } catch (error) {
        // A provider without a default model has no status of its own; say why instead of failing all.
        if (!(error instanceof GatewayRequestError)) throw error;
        const row = { provider, model: null, response_time_avg: null, error_rate: null, samples: 0 };
        return { ...row, status: 'unknown', note: error.message };
      }
      return {
        provider,
        status: status.status,
        model: status.model,
        response_time_avg: status.response_time_avg,
        error_rate: status.error_rate,
        samples: status.samples,
        ...(status.samples === 0 ? { note: 'no traffic yet' } : {}),
      };
    }),
  );
  const unconfigured = knownProviders
    .filter((known) => !configured.includes(known.name))
    .map((known): ProviderStatusRow => ({
      provider: known.name,
      status: 'unconfigured',
      model: null,
      response_time_avg: null,
      error_rate: null,
      samples: 0,
      note: known.needsKey
        ? `set ${known.envPrefix}_API_KEY`
        : `set ${known.envPrefix}_BASE_URL or ${known.envPrefix}_MODEL`,
    }));
  return {
    providers: [...rows, ...unconfigured],
    default_provider: answer.default_provider ?? null,
    auto_fallback: answer.auto_fallback ?? null,
    fallback_order: answer.fallback_order ?? [],
    demo: answer.demo === true,
  };
}
