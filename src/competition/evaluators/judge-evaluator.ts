import type { Clock } from '../../lib/clock.js';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { RouteSuccess } from '../../routing/route-success.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatResponse } from '../../spec/chat-response.js';
import { getAnswerText } from '../get-answer-text.js';
import { buildJudgeRequest } from './build-judge-request.js';
import type { Evaluator } from './evaluator.js';
import { fallBackToFastest, sortBySpeed } from './fastest-evaluator.js';
import { parseJudgeVerdict } from './parse-judge-verdict.js';

/** Calls the judge route (through the gateway, with its own fallbacks) and returns what answered. */
export type JudgeCall = (
  request: ChatRequest,
  context: { requestId: string; signal: AbortSignal },
) => Promise<RouteSuccess<ChatResponse>>;

export interface JudgeEvaluatorOptions {
  /** Undefined when no judge model is configured: `judge` then always falls back to `fastest`. */
  judge?: JudgeCall;
  /** The judge route's name, sent as the request's `model`. */
  judgeModel?: string;
  rubric: string;
  /** How long the judge may take; past it the judge is aborted and `fastest` decides. */
  deadlineInMs: number;
  clock: Clock;
}

/** Abort reason for a judge that missed its deadline: the judge is not blamed as broken. */
class JudgeDeadlineError extends CallerCancelledError {
  override readonly name = 'JudgeDeadlineError';
}

/**
 * An LLM grades the answers that finished by the competition's deadline against a rubric, under neutral
 * labels, and the best score wins (ties go to the faster answer). The judge has its own deadline. It is
 * never a reason to fail the request: no judge configured, fewer than two answers, a judge error or
 * timeout, or a verdict that is not the JSON asked for all fall back to `fastest`, with the reason.
 * @example createJudgeEvaluator({ judge, judgeModel: 'openai/gpt-4o-mini', rubric, deadlineInMs: 20_000, clock })
 */
export function createJudgeEvaluator(options: JudgeEvaluatorOptions): Evaluator {
  const { clock, deadlineInMs } = options;
  return {
    name: 'judge',
    async evaluate(results, context) {
      const answered = sortBySpeed(results);
      const { judge, judgeModel } = options;
      if (!judge || !judgeModel) {
        return fallBackToFastest(results, 'judge', 'no judge model is configured (JUDGE_MODEL)');
      }
      if (answered.length < 2) {
        return fallBackToFastest(
          results,
          'judge',
          `only ${answered.length} answer finished; nothing to compare`,
        );
      }
      const labelled = answered.map((result, index) => ({ result, label: getLabel(index) }));
      const request = buildJudgeRequest(
        judgeModel,
        context.request.messages,
        labelled.map(({ label, result }) => ({ label, text: result.text })),
        options.rubric,
      );
      const controller = new AbortController();
      const onCallerAbort = (): void => controller.abort(context.signal.reason);
      context.signal.addEventListener('abort', onCallerAbort, { once: true });
      const timer = new AbortController();
      const startedAt = clock.now();
      try {
        const judging = judge(request, { requestId: context.requestId, signal: controller.signal });
        // The losing side of the race below must not become an unhandled rejection.
        judging.catch(() => undefined);
        const late = clock.sleep(deadlineInMs, timer.signal).then(
          () => 'late' as const,
          () => 'settled' as const,
        );
        const settled = await Promise.race([judging, late]);
        if (settled === 'late' || settled === 'settled') {
          controller.abort(new JudgeDeadlineError(`the judge took longer than ${deadlineInMs} ms`));
          return fallBackToFastest(results, 'judge', `the judge did not answer within ${deadlineInMs} ms`);
        }
        const answer = { ...settled, latencyInMs: clock.now() - startedAt };
        let verdict;
        try {
          verdict = parseJudgeVerdict(
            getAnswerText(answer.value),
            labelled.map(({ label }) => label),
          );
        } catch (error) {
          return { ...fallBackToFastest(results, 'judge', (error as Error).message), judgeCall: answer };
        }
        const scores: Record<string, number> = {};
        for (const { label, result } of labelled) scores[result.name] = verdict.scores[label]!;
        // Answers are sorted by speed, so only a strictly better score displaces a faster answer.
        const best = labelled.reduce((leader, entry) =>
          verdict.scores[entry.label]! > verdict.scores[leader.label]! ? entry : leader,
        );
        for (const result of results) scores[result.name] ??= 0;
        const legend = labelled.map(({ label, result }) => `${label} = ${result.name}`).join(', ');
        return {
          evaluator: 'judge',
          winner: best.result.name,
          scores,
          reasoning: `${verdict.reasoning} (${legend})`,
          qualitySource: 'judge',
          judgeCall: answer,
        };
      } catch (error) {
        if (context.signal.aborted) throw new CallerCancelledError();
        const message = error instanceof Error ? error.message : String(error);
        return fallBackToFastest(results, 'judge', `the judge failed: ${message}`);
      } finally {
        timer.abort();
        context.signal.removeEventListener('abort', onCallerAbort);
      }
    },
  };
}

/** `A`, `B`, … `Z`, then `A27`, `A28`, … (contenders are few; the labels only need to be distinct). */
function getLabel(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `A${index + 1}`;
}
