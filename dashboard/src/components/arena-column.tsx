import type { ArenaColumn as Column } from '../lib/arena-run';
import { getColumnTimes } from '../lib/arena-run';
import { formatCount, formatDuration, formatUsd } from '../lib/format-values';
import { StatusBadge } from './status-badge';

/** Where a vote for this column stands. */
export type VoteState = 'idle' | 'sending' | 'recorded' | 'failed';

export interface ArenaColumnProps {
  column: Column;
  startedAt: number;
  now: number;
  isWinner: boolean;
  /** Votes open once the competition finished (each answer is then in the usage log). */
  canVote: boolean;
  vote: VoteState;
  voteError?: string;
  onVote(): void;
}

/**
 * One contender: its answer as it streams (a polite live region, busy until done, so a screen reader
 * reads the answer once rather than token by token), live timers, the gateway's figures when done,
 * and a vote button.
 */
export function ArenaColumn(props: ArenaColumnProps) {
  const { column, startedAt, now, isWinner, canVote, vote, voteError, onVote } = props;
  const times = getColumnTimes(column, startedAt, now);
  const error = column.result?.error;
  const headingId = `arena-${column.id}`;
  return (
    <section class={isWinner ? 'arena-column is-winner' : 'arena-column'} aria-labelledby={headingId}>
      <header class="arena-column-heading">
        <h3 id={headingId}>{column.label}</h3>
        {isWinner ? <StatusBadge tone="good">Winner</StatusBadge> : null}
        {error ? <StatusBadge tone="bad">failed: {error.kind}</StatusBadge> : null}
        {times.isRunning ? <StatusBadge tone="neutral">streaming</StatusBadge> : null}
      </header>
      <dl class="timers">
        <div>
          <dt>First token</dt>
          <dd data-testid="ttft">
            {times.ttftMs === null ? (times.isRunning ? 'waiting…' : '—') : formatDuration(times.ttftMs)}
          </dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd data-testid="total">{formatDuration(times.totalMs)}</dd>
        </div>
      </dl>
      <div
        class="arena-text"
        aria-live="polite"
        aria-busy={times.isRunning}
        aria-label={`${column.label} answer`}
      >
        {column.text || (times.isRunning ? '' : error ? error.message : '(no text)')}
      </div>
      {column.result && !error ? (
        <p class="arena-figures muted">
          {formatCount(column.result.prompt_tokens)} in / {formatCount(column.result.completion_tokens)} out ·{' '}
          {formatUsd(column.result.cost_usd)}
        </p>
      ) : null}
      <div class="arena-vote">
        <button
          type="button"
          onClick={onVote}
          disabled={!canVote || Boolean(error) || vote === 'sending' || vote === 'recorded'}
          aria-describedby={`${headingId}-vote`}
        >
          {vote === 'recorded' ? 'Voted best' : 'Vote best'}
        </button>
        <span id={`${headingId}-vote`} role="status" class="vote-status">
          {vote === 'sending'
            ? 'Sending…'
            : vote === 'recorded'
              ? 'Vote recorded ✓'
              : vote === 'failed'
                ? voteError
                : ''}
        </span>
      </div>
    </section>
  );
}
