import type { KeyUsageRow } from '../api/admin-api-types';
import type { AdminClient } from '../api/create-admin-client';
import { DataTable, type TableColumn } from '../components/data-table';
import { ErrorNotice } from '../components/error-notice';
import { QuotaBar } from '../components/quota-bar';
import { RefreshControl } from '../components/refresh-control';
import { StatusBadge } from '../components/status-badge';
import type { AutoRefresh } from '../lib/auto-refresh';
import { formatCount, formatRelativeTime, formatUsd } from '../lib/format-values';
import { useApiData } from '../lib/use-api-data';

export interface UsagePageProps {
  client: AdminClient;
  refresh: AutoRefresh;
}

/** Per gateway key: its plan, a quota bar per limit, and what it cost over 30 days; then per plan. */
export function UsagePage({ client, refresh }: UsagePageProps) {
  const report = useApiData(() => client.getKeyUsage(), [], {
    intervalMs: refresh.intervalMs,
    isPaused: refresh.isPaused,
  });
  const now = report.updatedAt ?? Date.now();
  const keys = report.data?.keys ?? [];
  return (
    <>
      <div class="page-heading">
        <h1>Usage</h1>
        <RefreshControl refresh={refresh} data={report} />
      </div>
      <ErrorNotice error={report.error} action="Could not load the usage" />
      {report.data ? (
        <>
          <DataTable
            caption="Gateway keys: quotas and cost"
            columns={getKeyColumns(now)}
            rows={keys}
            getRowKey={(row) => row.id}
            empty="No gateway key yet: the gateway is open on loopback. Create one with `arbiter keys create`."
          />
          <DataTable
            caption="By plan, last 30 days"
            columns={planColumns}
            rows={summarizePlans(keys)}
            getRowKey={(row) => row.plan}
          />
        </>
      ) : null}
    </>
  );
}

function getKeyColumns(now: number): Array<TableColumn<KeyUsageRow>> {
  const resets = (time: number) => formatRelativeTime(time, now);
  return [
    {
      id: 'key',
      header: 'Key',
      render: (row) => (
        <div class="key-name">
          <strong>{row.name || row.id}</strong>
          <span class="muted">
            {row.id} · {row.prefix}…
          </span>
          {row.revoked ? <StatusBadge tone="bad">revoked</StatusBadge> : null}
        </div>
      ),
    },
    { id: 'plan', header: 'Plan', render: (row) => row.plan },
    {
      id: 'requests',
      header: 'Requests / hour',
      render: (row) => (
        <QuotaBar
          label={`${row.name || row.id}: requests this hour`}
          used={row.used.requests_hour}
          limit={row.limits.requests_per_hour}
          format={formatCount}
          resets={resets(row.reset_at.hour)}
        />
      ),
    },
    {
      id: 'tokens',
      header: 'Tokens / day',
      render: (row) => (
        <QuotaBar
          label={`${row.name || row.id}: tokens today`}
          used={row.used.tokens_day}
          limit={row.limits.tokens_per_day}
          format={formatCount}
          resets={resets(row.reset_at.day)}
        />
      ),
    },
    {
      id: 'budget-day',
      header: 'Budget / day',
      render: (row) => (
        <QuotaBar
          label={`${row.name || row.id}: spent today`}
          used={row.used.usd_day}
          limit={row.limits.budget_per_day_usd}
          format={formatUsd}
          resets={resets(row.reset_at.day)}
        />
      ),
    },
    {
      id: 'budget-month',
      header: 'Budget / month',
      render: (row) => (
        <QuotaBar
          label={`${row.name || row.id}: spent this month`}
          used={row.used.usd_month}
          limit={row.limits.budget_per_month_usd}
          format={formatUsd}
          resets={resets(row.reset_at.month)}
        />
      ),
    },
    { id: 'cost', header: 'Cost, 30 d', isNumeric: true, render: (row) => formatUsd(row.cost_usd_30d) },
    {
      id: 'count',
      header: 'Requests, 30 d',
      isNumeric: true,
      render: (row) => formatCount(row.requests_30d),
    },
  ];
}

interface PlanSummary {
  plan: string;
  keys: number;
  requests: number;
  cost: number;
}

const planColumns: Array<TableColumn<PlanSummary>> = [
  { id: 'plan', header: 'Plan', render: (row) => row.plan },
  { id: 'keys', header: 'Keys', isNumeric: true, render: (row) => formatCount(row.keys) },
  { id: 'requests', header: 'Requests', isNumeric: true, render: (row) => formatCount(row.requests) },
  { id: 'cost', header: 'Cost', isNumeric: true, render: (row) => formatUsd(row.cost) },
];

function summarizePlans(keys: readonly KeyUsageRow[]): PlanSummary[] {
  const plans = new Map<string, PlanSummary>();
  for (const key of keys) {
    const plan = plans.get(key.plan) ?? { plan: key.plan, keys: 0, requests: 0, cost: 0 };
    plan.keys += 1;
    plan.requests += key.requests_30d;
    plan.cost += key.cost_usd_30d;
    plans.set(key.plan, plan);
  }
  return [...plans.values()].sort(
    (left, right) => right.cost - left.cost || left.plan.localeCompare(right.plan),
  );
}
