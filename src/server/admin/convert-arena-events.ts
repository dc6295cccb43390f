import type { CompetitionResult } from '../../competition/competition-result.js';
import type { ContenderResult } from '../../competition/contender-result.js';
import type { EvaluatorName } from '../../competition/contest-options.js';
import type { Target } from '../../routing/target.js';

type Redact = (text: string) => string;

/** The arena's name for the contender entered `index`th: `c0`, `c1`, … */
export const getArenaContenderId = (index: number): string => `c${index}`;

/**
 * The usage-log id of the arena contender entered `index`th, under which its answer is recorded, so
 * `POST /feedback` can rate it like any request.
 */
export const getArenaContenderRequestId = (requestId: string, index: number): string =>
  `${requestId}_contender_${index}`;

/** The `start` event: who competes, on which `provider/model`, under which request id. */
export function convertArenaStart(
  requestId: string,
  evaluator: EvaluatorName,
  contenders: ReadonlyArray<{ name: string; target: Target }>,
) {
  return {
    request_id: requestId,
    evaluator,
    contenders: contenders.map((contender, index) => ({
      id: getArenaContenderId(index),
      label: contender.name,
      target: `${contender.target.provider}/${contender.target.model}`,
      request_id: getArenaContenderRequestId(requestId, index),
    })),
  };
}

/**
 * The `done` event of one contender: times from the start of the competition (ms; `ttft_ms` null when
 * no content token arrived), its tokens and cost (0 without usage) and its error, message redacted.
 */
export function convertArenaDone(index: number, result: ContenderResult, redact: Redact) {
  return {
    contender: getArenaContenderId(index),
    time_ms: Math.round(result.latencyInMs),
    ttft_ms: result.ttftInMs === undefined ? null : Math.round(result.ttftInMs),
    prompt_tokens: result.usage?.prompt_tokens ?? 0,
    completion_tokens: result.usage?.completion_tokens ?? 0,
    cost_usd: result.costInUsd ?? 0,
    error: result.error ? { kind: result.error.kind, message: redact(result.error.message) } : null,
  };
}

/** The `verdict` event: the evaluator's decision with contenders named by their arena ids. */
export function convertArenaVerdict(competition: CompetitionResult, redact: Redact) {
  const { verdict, contenders } = competition;
  const idOf = new Map(contenders.map((contender, index) => [contender.name, getArenaContenderId(index)]));
  return {
    winner: getArenaContenderId(contenders.indexOf(competition.winner)),
    evaluator: verdict.evaluator,
    reasoning: redact(verdict.reasoning),
    scores: Object.fromEntries(
      Object.entries(verdict.scores).flatMap(([name, score]) => {
        const id = idOf.get(name);
        return id === undefined ? [] : [[id, score]];
      }),
    ),
    fallback_reason: verdict.fallbackReason === undefined ? null : redact(verdict.fallbackReason),
  };
}

/** The `verdict` event when no contender answered: no winner, and why (each `done` has its error). */
export function convertArenaNoWinner(evaluator: EvaluatorName, reason: string) {
  return { winner: null, evaluator, reasoning: reason, scores: {}, fallback_reason: null };
}
