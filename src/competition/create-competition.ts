import type { Clock } from '../lib/clock.js';
import type { LearningSignals } from '../learning/learning-signals.js';
import { AllAttemptsFailedError } from '../routing/all-attempts-failed-error.js';
import type { AttemptResult } from '../routing/attempt-result.js';
import type { CommittedStream } from '../routing/attempt-stream.js';
import type { TargetGate } from '../routing/target-gate.js';
import type { Target } from '../routing/target.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import type { Usage } from '../spec/usage.js';
import type { CompetitionObserver } from './competition-observer.js';
import type { CompetitionResult } from './competition-result.js';
import type { EvaluatorName } from './contest-options.js';
import type { Contender } from './contender.js';
import { hasAnswer } from './contender-result.js';
import { consensusEvaluator } from './evaluators/consensus-evaluator.js';
import type { Evaluator } from './evaluators/evaluator.js';
import { fastestEvaluator } from './evaluators/fastest-evaluator.js';
import { createJudgeEvaluator, type JudgeCall } from './evaluators/judge-evaluator.js';
import { recordVerdict } from './record-verdict.js';
import { runCompetition } from './run-competition.js';

/** One competition to run. */
export interface CompetitionInput {
  route: string;
  request: ChatRequest;
  contenders: readonly Contender[];
  requestId: string;
  signal: AbortSignal;
  estimatedTokens?: number;
  /** Default: the configured evaluator. */
  evaluator?: EvaluatorName;
  /** Default: the configured deadline. */
  deadlineInMs?: number;
  /** Watches the competition live (the dashboard's arena). */
  observer?: CompetitionObserver;
}

export interface CompetitionOptions {
  clock: Clock;
  learning: LearningSignals;
  gate: TargetGate;
  /** Opens one contender's stream up to its commit point (attemptStream, emitting the attempt's outcome). */
  attempt: (
    target: Target,
    request: ChatRequest,
    context: { requestId: string; route: string; signal: AbortSignal },
  ) => Promise<AttemptResult<CommittedStream<ChatStreamPart>>>;
  getCost: (target: Target, usage: Usage) => number;
  defaultEvaluator: EvaluatorName;
  defaultDeadlineInMs: number;
  judge: { call?: JudgeCall; model?: string; rubric: string; deadlineInMs: number };
  /** Told when the learning layer threw: a competition's answer never fails because of learning. */
  reportError?: (error: unknown, message: string) => void;
}

/**
 * The `compete` strategy: every contender answers at once within a deadline (runCompetition), the
 * evaluator picks the winner, and the verdict is taught to the learning layer. A competition in which
 * nobody answered fails like a route whose every attempt failed.
 * @example const competition = createCompetition(options); const result = await competition.run(input);
 */
export function createCompetition(options: CompetitionOptions) {
  const { clock } = options;
  const evaluators: Record<EvaluatorName, Evaluator> = {
    fastest: fastestEvaluator,
    consensus: consensusEvaluator,
    judge: createJudgeEvaluator({
      judge: options.judge.call,
      judgeModel: options.judge.model,
      rubric: options.judge.rubric,
      deadlineInMs: options.judge.deadlineInMs,
      clock,
    }),
  };

  return {
    async run(input: CompetitionInput): Promise<CompetitionResult> {
      const startedAt = clock.now();
      const deadlineInMs = input.deadlineInMs ?? options.defaultDeadlineInMs;
      const context = { requestId: input.requestId, route: input.route };
      const contenders = await runCompetition({
        contenders: input.contenders,
        attempt: (target, signal) => options.attempt(target, input.request, { ...context, signal }),
        gate: options.gate,
        requestId: input.requestId,
        estimatedTokens: input.estimatedTokens ?? 0,
        deadlineInMs,
        clock,
        signal: input.signal,
        getCost: options.getCost,
        observer: input.observer,
      });
      if (!contenders.some(hasAnswer)) {
        throw new AllAttemptsFailedError(
          input.route,
          contenders.map((result) => result.record),
        );
      }
      const evaluator = input.evaluator ?? options.defaultEvaluator;
      const verdict = await evaluators[evaluator].evaluate(contenders, {
        request: input.request,
        requestId: input.requestId,
        signal: input.signal,
      });
      try {
        recordVerdict(options.learning, input.route, contenders, verdict);
      } catch (error) {
        options.reportError?.(error, 'recording a competition verdict failed');
      }
      const winner = contenders.find((result) => result.name === verdict.winner);
      if (!winner || !hasAnswer(winner))
        throw new Error(`the verdict named "${verdict.winner}", which has no answer`);
      return {
        route: input.route,
        contenders,
        verdict,
        winner,
        totalTimeInMs: clock.now() - startedAt,
        deadlineInMs,
        evaluator,
      };
    },
  };
}

export type Competition = ReturnType<typeof createCompetition>;
