import type { CompetitionResult } from '../../competition/competition-result.js';
import type { ContenderResult } from '../../competition/contender-result.js';
import { convertContenderToJSON, convertVerdictToJSON, toSeconds } from './convert-competition-to-json.js';

/**
 * The name a contender's fields carry in the original brief's shape (`groq_response`, `groq_time`): its
 * provider's name, or, when several contenders share a provider, the contender's name with every run of
 * other characters as `_` (`openai_gpt_4o_mini`).
 */
export function getPerformerKeys(contenders: readonly ContenderResult[]): string[] {
  const counts = new Map<string, number>();
  for (const contender of contenders)
    counts.set(contender.target.provider, (counts.get(contender.target.provider) ?? 0) + 1);
  return contenders.map((contender) => {
    const provider = contender.target.provider;
    const name = counts.get(provider) === 1 ? provider : `${provider}_${contender.target.model}`;
    return name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  });
}

/**
 * The `/compete` answer: the original brief's fields first (`<provider>_response`, `winning_response`,
 * `best_performer`, `performance_stats` with `<provider>_time` and `total_time` in seconds), then what a
 * gateway adds (`responses` with each contender's time to first token, tokens, cost and error, and the
 * evaluator's `verdict`).
 */
export function buildCompeteResponse(
  competition: CompetitionResult,
  requestId: string,
  redact: (text: string) => string,
) {
  const keys = getPerformerKeys(competition.contenders);
  const responses: Record<string, string | null> = {};
  const times: Record<string, number> = {};
  competition.contenders.forEach((contender, index) => {
    responses[`${keys[index]}_response`] = contender.response ? redact(contender.text) : null;
    times[`${keys[index]}_time`] = toSeconds(contender.latencyInMs);
  });
  const winnerKey = keys[competition.contenders.indexOf(competition.winner)]!;
  return {
    ...responses,
    winning_response: redact(competition.winner.text),
    best_performer: winnerKey,
    performance_stats: { ...times, total_time: toSeconds(competition.totalTimeInMs) },
    responses: competition.contenders.map((contender) => convertContenderToJSON(contender, redact)),
    verdict: convertVerdictToJSON(competition.verdict, redact),
    request_id: requestId,
  };
}
