import type { ArenaEvent } from '../api/admin-api-types';
import type { ArenaColumn } from '../lib/arena-run';

type Verdict = Extract<ArenaEvent, { type: 'verdict' }>['data'];

export interface ArenaVerdictProps {
  verdict: Verdict;
  columns: readonly ArenaColumn[];
}

/** The evaluator's decision: the winner by name, the reasoning, each contender's score. */
export function ArenaVerdict({ verdict, columns }: ArenaVerdictProps) {
  const labelOf = (id: string) => columns.find((column) => column.id === id)?.label ?? id;
  return (
    <section class="card verdict" aria-labelledby="arena-verdict-title">
      <h2 id="arena-verdict-title">{verdict.winner ? `Winner: ${labelOf(verdict.winner)}` : 'No winner'}</h2>
      <p class="muted">Evaluator: {verdict.evaluator}</p>
      {verdict.fallback_reason ? <p>Fell back: {verdict.fallback_reason}</p> : null}
      <p class="verdict-reasoning">{verdict.reasoning}</p>
      {Object.keys(verdict.scores).length > 0 ? (
        <ul class="verdict-scores" aria-label="Scores">
          {Object.entries(verdict.scores).map(([id, score]) => (
            <li key={id}>
              {labelOf(id)}: {Number(score.toFixed(3))}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
