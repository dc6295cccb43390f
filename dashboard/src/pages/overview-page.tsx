import { useState } from 'preact/hooks';
import type { OverviewWindow } from '../api/admin-api-types';
import type { AdminClient } from '../api/create-admin-client';
import { ErrorNotice } from '../components/error-notice';
import { RefreshControl } from '../components/refresh-control';
import { TimeSeriesChart } from '../components/time-series-chart';
import { formatCount, formatDuration, formatPercent, formatUsd } from '../lib/format-values';
import { getSeriesColor } from '../lib/get-series-color';
import { getChartData, summarizeOverviewMetric, type OverviewMetric } from '../lib/overview-metrics';
import { useApiData } from '../lib/use-api-data';
import type { AutoRefresh } from '../lib/auto-refresh';

export interface OverviewPageProps {
  client: AdminClient;
  refresh: AutoRefresh;
}

const windows: ReadonlyArray<{ id: OverviewWindow; label: string }> = [
  { id: '1h', label: '1 hour' },
  { id: '24h', label: '24 hours' },
  { id: '7d', label: '7 days' },
  { id: '30d', label: '30 days' },
];

const charts: ReadonlyArray<{ metric: OverviewMetric; title: string; format(value: number): string }> = [
  { metric: 'requests', title: 'Requests', format: formatCount },
  { metric: 'success', title: 'Success rate', format: formatPercent },
  { metric: 'latency', title: 'Latency p50 (solid) and p99 (dashed)', format: formatDuration },
  { metric: 'cost', title: 'Cost', format: formatUsd },
];

/** Requests, success rate, latency and cost over a window, per provider, as charts with totals above. */
export function OverviewPage({ client, refresh }: OverviewPageProps) {
  const [timeWindow, setTimeWindow] = useState<OverviewWindow>('24h');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const overview = useApiData(() => client.getOverview(timeWindow), [timeWindow], {
    intervalMs: refresh.intervalMs,
    isPaused: refresh.isPaused,
  });
  const data = overview.data;
  const providers = data?.series.map((entry) => entry.provider) ?? [];
  const shown = new Set(providers.filter((provider) => !hidden.has(provider)));
  const colorOf = (provider: string) => getSeriesColor(provider, providers);

  return (
    <>
      <div class="page-heading">
        <h1>Overview</h1>
        <RefreshControl refresh={refresh} data={overview} />
      </div>
      <fieldset class="segmented">
        <legend>Time window</legend>
        {windows.map((entry) => (
          <label key={entry.id}>
            <input
              type="radio"
              name="overview-window"
              value={entry.id}
              checked={timeWindow === entry.id}
              onChange={() => setTimeWindow(entry.id)}
            />
            <span>{entry.label}</span>
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={overview.error} action="Could not load the overview" />
      {data ? (
        <>
          <dl class="tiles" aria-label="Totals">
            <Tile label="Requests" value={formatCount(data.totals.requests)} />
            <Tile label="Errors" value={formatCount(data.totals.errors)} />
            <Tile
              label="Success rate"
              value={formatPercent(data.totals.requests > 0 ? data.totals.success_rate : null)}
            />
            <Tile label="Latency p50" value={formatDuration(data.totals.p50_ms)} />
            <Tile label="Latency p99" value={formatDuration(data.totals.p99_ms)} />
            <Tile label="Cost" value={formatUsd(data.totals.cost_usd)} />
            <Tile
              label="Tokens in / out"
              value={`${formatCount(data.totals.prompt_tokens)} / ${formatCount(data.totals.completion_tokens)}`}
            />
          </dl>
          {providers.length > 0 ? (
            <fieldset class="toggles">
              <legend>Providers shown</legend>
              {providers.map((provider) => (
                <label key={provider} class="toggle">
                  <input
                    type="checkbox"
                    checked={shown.has(provider)}
                    onChange={(event) => {
                      const next = new Set(hidden);
                      if (event.currentTarget.checked) next.delete(provider);
                      else next.add(provider);
                      setHidden(next);
                    }}
                  />
                  <span class="swatch" style={{ background: colorOf(provider) }} aria-hidden="true" />
                  {provider === 'none' ? 'none (no provider reached)' : provider}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div class="chart-grid">
            {charts.map((chart) => (
              <TimeSeriesChart
                key={chart.metric}
                title={chart.title}
                data={getChartData(data, chart.metric, shown)}
                colorOf={colorOf}
                format={chart.format}
                summary={summarizeOverviewMetric(data, chart.metric)}
                isShare={chart.metric === 'success'}
              />
            ))}
          </div>
        </>
      ) : null}
    </>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div class="tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
