import type { EvaluatorName } from './contest-options.js';
import type { ContenderResult } from './contender-result.js';
import type { Verdict } from './evaluators/evaluator.js';

/** Everything a competition did: each contender's result, the verdict, and the winner. */
export interface CompetitionResult {
  /** The route the caller named (`compete`, or a route whose strategy is `compete`). */
  route: string;
  /** In the order the contenders were named. */
  contenders: ContenderResult[];
  verdict: Verdict;
  /** The contender the verdict chose; it always has an answer. */
  winner: ContenderResult & { response: NonNullable<ContenderResult['response']> };
  /** From the start of the competition to the verdict (evaluation included). */
  totalTimeInMs: number;
  /** The deadline the contenders had. */
  deadlineInMs: number;
  /** The evaluator that was asked for. */
  evaluator: EvaluatorName;
}
