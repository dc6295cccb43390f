import type { CompetitionResult } from '../../competition/competition-result.js';
import type { ContenderResult } from '../../competition/contender-result.js';
import type { Verdict } from '../../competition/evaluators/evaluator.js';

type Redact = (text: string) => string;

/** Milliseconds as the seconds the original brief's `performance_stats` uses, to the millisecond. */
export function toSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** One contender as callers see it; times in seconds, cost in USD, texts redacted. */
export function convertContenderToJSON(contender: ContenderResult, redact: Redact) {
  return {
    name: contender.name,
    provider: contender.target.provider,
    model: contender.target.model,
    response: contender.response ? redact(contender.text) : null,
    error: contender.error
      ? {
          kind: contender.error.kind,
          message: redact(contender.error.message),
          ...(contender.error.status !== undefined ? { status: contender.error.status } : {}),
        }
      : null,
    timed_out: contender.isTimedOut,
    time: toSeconds(contender.latencyInMs),
    ttft: contender.ttftInMs === undefined ? null : toSeconds(contender.ttftInMs),
    tokens: contender.usage?.total_tokens ?? null,
    cost: contender.costInUsd ?? null,
  };
}

/** The evaluator's decision; `fell_back_to` and `fallback_reason` only when it fell back. */
export function convertVerdictToJSON(verdict: Verdict, redact: Redact) {
  return {
    evaluator: verdict.evaluator,
    winner: verdict.winner,
    scores: verdict.scores,
    reasoning: redact(verdict.reasoning),
    ...(verdict.fellBackTo
      ? { fell_back_to: verdict.fellBackTo, fallback_reason: redact(verdict.fallbackReason ?? '') }
      : {}),
  };
}

/**
 * `arbiter_competition`, added beside the winner's answer on the OpenAI and Anthropic APIs: every
 * contender, the verdict and the times, so a caller of `model: "compete"` sees what it paid for.
 */
export function convertCompetitionToJSON(competition: CompetitionResult, redact: Redact) {
  return {
    route: competition.route,
    winner: competition.winner.name,
    verdict: convertVerdictToJSON(competition.verdict, redact),
    contenders: competition.contenders.map((contender) => convertContenderToJSON(contender, redact)),
    total_time: toSeconds(competition.totalTimeInMs),
    deadline_ms: competition.deadlineInMs,
  };
}

/** Headers that say how a competition was decided, beside the usual `x-arbiter-*` ones. */
export function getCompetitionHeaders(competition: CompetitionResult): Record<string, string> {
  return {
    'x-arbiter-competition-winner': competition.winner.name,
    'x-arbiter-evaluator': competition.verdict.fellBackTo
      ? `${competition.verdict.evaluator};fell-back-to=${competition.verdict.fellBackTo}`
      : competition.verdict.evaluator,
    'x-arbiter-contenders': String(competition.contenders.length),
  };
}
