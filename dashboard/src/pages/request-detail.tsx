import { useEffect, useRef } from 'preact/hooks';
import type { AttemptRecord } from '../api/admin-api-types';
import type { AdminClient } from '../api/create-admin-client';
import { DataTable, type TableColumn } from '../components/data-table';
import { ErrorNotice } from '../components/error-notice';
import { StatusBadge } from '../components/status-badge';
import { formatCount, formatDuration, formatTimestamp, formatUsd } from '../lib/format-values';
import { useApiData } from '../lib/use-api-data';
import { Fact } from '../components/fact';

export interface RequestDetailProps {
  client: AdminClient;
  requestId: string;
}

/** One request: what it asked, who answered, and the trail of attempts that got there. */
export function RequestDetail({ client, requestId }: RequestDetailProps) {
  const record = useApiData(() => client.getRequest(requestId), [requestId]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a request moves the focus to it, so keyboard and screen-reader users land on what they chose.
  useEffect(() => heading.current?.focus(), [requestId]);
  const data = record.data;
  return (
    <section class="card detail" aria-labelledby="request-detail-title">
      <div class="detail-heading">
        <h2 id="request-detail-title" tabIndex={-1} ref={heading}>
          Request <span class="mono">{requestId}</span>
        </h2>
        <a href="#/requests" class="button">
          Close
        </a>
      </div>
      <ErrorNotice error={record.error} action="Could not load the request" />
      {data ? (
        <>
          <dl class="facts">
            <Fact label="Time" value={formatTimestamp(data.created_at)} />
            <Fact label="Endpoint" value={data.endpoint} />
            <Fact label="Route" value={data.route} />
            <Fact
              label="Answered by"
              value={data.provider ? `${data.provider}/${data.model ?? ''}` : 'none'}
            />
            <Fact label="Status" value={`${data.status}${data.error_code ? ` (${data.error_code})` : ''}`} />
            <Fact label="Stream" value={data.stream ? 'yes' : 'no'} />
            <Fact
              label="Latency / TTFT"
              value={`${formatDuration(data.latency_ms)} / ${formatDuration(data.ttft_ms)}`}
            />
            <Fact
              label="Tokens in / out"
              value={`${formatCount(data.prompt_tokens)} / ${formatCount(data.completion_tokens)}`}
            />
            <Fact label="Cost" value={formatUsd(data.cost_estimate)} />
            <Fact label="Key" value={data.key_id ?? 'none (open access)'} />
          </dl>
          <DataTable
            caption="Attempt trail, in order"
            columns={attemptColumns}
            rows={data.attempts.map((attempt, index) => ({ ...attempt, index: index + 1 }))}
            getRowKey={(row) => String(row.index)}
            empty={
              data.cache_hit ? 'Answered from the cache: no attempt.' : 'No attempt: refused before routing.'
            }
          />
        </>
      ) : null}
    </section>
  );
}

const attemptColumns: Array<TableColumn<AttemptRecord & { index: number }>> = [
  { id: 'index', header: '#', isNumeric: true, render: (row) => row.index },
  { id: 'target', header: 'Target', render: (row) => <span class="mono">{row.target}</span> },
  {
    id: 'outcome',
    header: 'Outcome',
    render: (row) => (
      <StatusBadge tone={row.outcome === 'success' ? 'good' : 'bad'}>{row.outcome}</StatusBadge>
    ),
  },
  { id: 'status', header: 'Status', isNumeric: true, render: (row) => row.status ?? '—' },
  { id: 'latency', header: 'Latency', isNumeric: true, render: (row) => formatDuration(row.latency_ms) },
  { id: 'ttft', header: 'TTFT', isNumeric: true, render: (row) => formatDuration(row.ttft_ms) },
];
