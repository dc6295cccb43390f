import type { ProviderHealth } from '../api/admin-api-types';
import type { AdminClient } from '../api/create-admin-client';
import { ErrorNotice } from '../components/error-notice';
import { ProviderCard } from '../components/provider-card';
import { RefreshControl } from '../components/refresh-control';
import type { AutoRefresh } from '../lib/auto-refresh';
import { useApiData } from '../lib/use-api-data';

export interface ProvidersPageProps {
  client: AdminClient;
  refresh: AutoRefresh;
}

/** Every provider's health: status, key pool, and per target the circuit, timings and learned score. */
export function ProvidersPage({ client, refresh }: ProvidersPageProps) {
  const report = useApiData(() => client.getProviders(), [], {
    intervalMs: refresh.intervalMs,
    isPaused: refresh.isPaused,
  });
  const now = report.updatedAt ?? Date.now();
  const providers = report.data?.providers ?? [];
  // Providers without a key and without anything seen are one line at the end, not a card each.
  const isIdle = (provider: ProviderHealth) =>
    !provider.configured && provider.targets.length === 0 && provider.keys.length === 0;
  const configured = providers.filter((provider) => !isIdle(provider));
  const unconfigured = providers.filter(isIdle);
  return (
    <>
      <div class="page-heading">
        <h1>Providers</h1>
        <RefreshControl refresh={refresh} data={report} />
      </div>
      <ErrorNotice error={report.error} action="Could not load the providers" />
      {report.data && report.data.providers.length === 0 ? (
        <p class="muted">No provider is configured.</p>
      ) : null}
      {configured.map((provider) => (
        <ProviderCard key={provider.provider} provider={provider} now={now} />
      ))}
      {unconfigured.length > 0 ? (
        <section class="card" aria-labelledby="unconfigured-title">
          <h2 id="unconfigured-title">Not configured</h2>
          <p class="muted">
            {unconfigured.map((provider) => provider.provider).join(', ')}: add a key to use them.
          </p>
        </section>
      ) : null}
    </>
  );
}
