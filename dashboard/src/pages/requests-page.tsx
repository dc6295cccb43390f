import { useEffect, useState } from 'preact/hooks';
import type { UsageRequestRecord } from '../api/admin-api-types';
import type { AdminClient } from '../api/create-admin-client';
import { DataTable, type TableColumn } from '../components/data-table';
import { ErrorNotice } from '../components/error-notice';
import { StatusBadge } from '../components/status-badge';
import { toDashboardHash } from '../lib/dashboard-routes';
import { formatCount, formatDuration, formatTimestamp, formatUsd } from '../lib/format-values';
import { RequestDetail } from './request-detail';

export interface RequestsPageProps {
  client: AdminClient;
  /** The request whose attempt trail is open (`#/requests/{id}`). */
  detail?: string;
}

const pageSize = 50;

/** The usage log, newest first, a page at a time; a request opens to its attempt trail. */
export function RequestsPage({ client, detail }: RequestsPageProps) {
  const [records, setRecords] = useState<UsageRequestRecord[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();

  async function load(from: string | null) {
    setLoading(true);
    try {
      const page = await client.listRequests({ limit: pageSize, cursor: from ?? undefined });
      setRecords((previous) => (from ? [...previous, ...page.data] : page.data));
      setCursor(page.has_more ? page.next_cursor : null);
      setError(undefined);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => void load(null), []);

  return (
    <>
      <div class="page-heading">
        <h1>Requests</h1>
        <div class="refresh">
          <button type="button" onClick={() => void load(null)} disabled={isLoading}>
            Refresh
          </button>
          <span class="refresh-status" aria-live="polite">
            {isLoading ? 'Loading…' : `${records.length} shown`}
          </span>
        </div>
      </div>
      {detail ? <RequestDetail client={client} requestId={detail} /> : null}
      <ErrorNotice error={error} action="Could not load the requests" />
      <DataTable
        caption="Recent requests, newest first"
        columns={columns}
        rows={records}
        getRowKey={(row) => row.request_id}
        selectedKey={detail}
        onRowClick={(row) => (location.hash = toDashboardHash({ page: 'requests', detail: row.request_id }))}
        empty={isLoading ? 'Loading…' : 'No requests yet.'}
      />
      {cursor ? (
        <button type="button" class="load-more" onClick={() => void load(cursor)} disabled={isLoading}>
          Load more
        </button>
      ) : null}
    </>
  );
}

const columns: Array<TableColumn<UsageRequestRecord>> = [
  { id: 'time', header: 'Time', render: (row) => formatTimestamp(row.created_at) },
  {
    id: 'id',
    header: 'Request',
    render: (row) => (
      <a href={toDashboardHash({ page: 'requests', detail: row.request_id })} class="mono">
        {row.request_id}
      </a>
    ),
  },
  { id: 'route', header: 'Route', render: (row) => row.route },
  {
    id: 'answered',
    header: 'Answered by',
    render: (row) => (row.provider ? `${row.provider}/${row.model ?? ''}` : 'none'),
  },
  {
    id: 'status',
    header: 'Status',
    render: (row) => <StatusBadge tone={row.status < 400 ? 'good' : 'bad'}>{row.status}</StatusBadge>,
  },
  { id: 'attempts', header: 'Attempts', isNumeric: true, render: (row) => row.attempts.length },
  { id: 'latency', header: 'Latency', isNumeric: true, render: (row) => formatDuration(row.latency_ms) },
  {
    id: 'tokens',
    header: 'Tokens',
    isNumeric: true,
    render: (row) => formatCount(row.prompt_tokens + row.completion_tokens),
  },
  { id: 'cost', header: 'Cost', isNumeric: true, render: (row) => formatUsd(row.cost_estimate) },
];
