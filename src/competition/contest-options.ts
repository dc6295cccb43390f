import type { CompetitionObserver } from './competition-observer.js';

/** The evaluators that can pick a competition's winner (DESIGN.md §1). */
export const evaluatorNames = ['fastest', 'judge', 'consensus'] as const;

/**
 * `fastest`: success first, then speed (the original brief's rule, the default). `judge`: a judge route
 * grades the answers against a rubric. `consensus`: the answer most similar to the others.
 */
export type EvaluatorName = (typeof evaluatorNames)[number];

/** What a caller may choose for one `race` or `compete` request (body `contenders`, `evaluator`, `deadline_ms`). */
export interface ContestOptions {
  /** Route names or `provider/model`s to run, instead of the route's or the configured ones. */
  contenders?: readonly string[];
  /** `compete` only. */
  evaluator?: EvaluatorName;
  /** `compete` only: how long the contenders may take; stragglers are aborted and reported as timed out. */
  deadlineInMs?: number;
  /** `compete` only, and never a body field: the ingress's live view of the competition (the arena). */
  observer?: CompetitionObserver;
}

export function isEvaluatorName(value: unknown): value is EvaluatorName {
  return (evaluatorNames as readonly unknown[]).includes(value);
}
