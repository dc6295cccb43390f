import type { QualitySource } from '../../learning/learning-signals.js';
import type { RouteSuccess } from '../../routing/route-success.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatResponse } from '../../spec/chat-response.js';
import type { EvaluatorName } from '../contest-options.js';
import type { ContenderResult } from '../contender-result.js';

/** An evaluator's decision on one competition. */
export interface Verdict {
  /** The evaluator that was asked for (see `fellBackTo` for the one that decided). */
  evaluator: EvaluatorName;
  /** The winning contender's name; every competition that reaches an evaluator has one. */
  winner: string;
  /** 0..1 by contender name, for the contenders the evaluator considered. */
  scores: Record<string, number>;
  /** Why, in a sentence or two, for people. */
  reasoning: string;
  /** Set when the asked evaluator could not decide and `fastest` did instead. */
  fellBackTo?: 'fastest';
  /** Why the asked evaluator could not decide. */
  fallbackReason?: string;
  /** Set when the scores measure quality and are worth teaching the learning layer. */
  qualitySource?: Exclude<QualitySource, 'user'>;
  /** The judge's own call, when one answered (its usage is part of the competition's cost). */
  judgeCall?: RouteSuccess<ChatResponse> & { latencyInMs: number };
}

/** What an evaluator may look at besides the results. */
export interface EvaluationContext {
  /** The request every contender answered. */
  request: ChatRequest;
  /** The competition's request id, for the judge's own outcomes. */
  requestId: string;
  /** The caller's signal: an evaluator that calls a model aborts it when the caller goes away. */
  signal: AbortSignal;
}

/**
 * Picks a competition's winner among the contenders that answered. Called only when at least one did;
 * never throws for its own failure (a judge that fails falls back to `fastest`).
 */
export interface Evaluator {
  readonly name: EvaluatorName;
  evaluate(results: readonly ContenderResult[], context: EvaluationContext): Promise<Verdict>;
}
