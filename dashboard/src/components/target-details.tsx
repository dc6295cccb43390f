import type { ProviderTarget, TimingSummary } from '../api/admin-api-types';
import { formatCount, formatDuration, formatPercent, formatRelativeTime } from '../lib/format-values';
import { HistogramBars } from './histogram-bars';
import { ScoreBars } from './score-bars';
import { StatusBadge, statusTones } from './status-badge';
import { Fact } from './fact';

export interface TargetDetailsProps {
  target: ProviderTarget;
  now: number;
}

/** One target of a provider: circuit state, traffic, timings, learned score and the two histograms. */
export function TargetDetails({ target, now }: TargetDetailsProps) {
  const { circuit } = target;
  return (
    <article class="target" aria-label={target.target}>
      <header class="target-heading">
        <h3>{target.target}</h3>
        <StatusBadge tone={statusTones[circuit.state]} detail={describeCircuit(target, now)}>
          circuit {circuit.state}
        </StatusBadge>
      </header>
      <div class="target-body">
        <dl class="facts">
          <Fact label="In flight" value={formatCount(target.in_flight)} />
          <Fact label="Successes" value={formatCount(target.successes)} />
          <Fact label="Failures" value={formatCount(target.failures)} />
          <Fact label="Error rate" value={formatPercent(circuit.error_rate)} />
          <Fact label="Failures in a row" value={formatCount(circuit.consecutive_failures)} />
          <Fact label="Latency avg / p50 / p90" value={formatTimings(target.latency_ms)} />
          <Fact label="TTFT avg / p50 / p90" value={formatTimings(target.ttft_ms)} />
        </dl>
        <ScoreBars
          score={target.learned.score}
          terms={target.learned.terms}
          evidence={target.learned.evidence}
        />
        <div class="histogram-pair">
          <HistogramBars title="Latency" histogram={target.latency_histogram} />
          <HistogramBars title="Time to first token" histogram={target.ttft_histogram} />
        </div>
      </div>
    </article>
  );
}

/** Why the circuit is where it is, for the badge's detail: `opened 12 s ago, probe in 18 s`. */
export function describeCircuit(target: ProviderTarget, now: number): string {
  const { circuit } = target;
  const parts: string[] = [];
  if (circuit.opened_at !== null) parts.push(`opened ${formatRelativeTime(circuit.opened_at, now)}`);
  if (circuit.probe_at !== null) parts.push(`probe ${formatRelativeTime(circuit.probe_at, now)}`);
  if (circuit.consecutive_failures > 0)
    parts.push(
      `${circuit.consecutive_failures} failure${circuit.consecutive_failures === 1 ? '' : 's'} in a row`,
    );
  return parts.join(', ');
}

function formatTimings(timing: TimingSummary): string {
  return [timing.avg, timing.p50, timing.p90].map(formatDuration).join(' / ');
}
