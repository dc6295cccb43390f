import type { ScoreTerms } from '../api/admin-api-types';
import { noValue } from '../lib/format-values';

export interface ScoreBarsProps {
  score: number | null;
  terms: ScoreTerms;
  /** Attempts and signals behind the score. */
  evidence: number;
}

/** The four terms in the order of their default weight (DESIGN.md §5; the weights are configurable). */
const scoreTerms: ReadonlyArray<[keyof ScoreTerms, string]> = [
  ['reliability', 'Reliability'],
  ['speed', 'Speed'],
  ['quality', 'Quality'],
  ['recency', 'Recency'],
];

const show = (value: number | null) => (value === null ? noValue : value.toFixed(2));

/** The learned score (0..1) as a bar, then its four terms, each as a bar with its value in text. */
export function ScoreBars({ score, terms, evidence }: ScoreBarsProps) {
  return (
    <div class="score">
      <Bar label="Learned score" value={score} isMain />
      <ul class="score-terms" aria-label="Score terms">
        {scoreTerms.map(([term, label]) => (
          <li key={term}>
            <Bar label={label} value={terms[term]} />
          </li>
        ))}
      </ul>
      <div class="score-evidence">
        Evidence: {evidence} {evidence === 1 ? 'signal' : 'signals'}
      </div>
    </div>
  );
}

function Bar({ label, value, isMain = false }: { label: string; value: number | null; isMain?: boolean }) {
  const percent = value === null ? 0 : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div class={isMain ? 'score-bar is-main' : 'score-bar'}>
      <span class="score-label">{label}</span>
      <span
        class="score-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value === null ? 'no data yet' : show(value)}
      >
        <span class="score-fill" style={{ width: `${percent}%` }} />
      </span>
      <span class="score-value">{show(value)}</span>
    </div>
  );
}
