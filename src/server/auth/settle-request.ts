import type { FastifyRequest } from 'fastify';
import { computeCost } from '../../accounting/compute-cost.js';
import type { ModelInfoLookup } from '../../accounting/get-model-info.js';
import type { Settlement } from '../../security/create-admission-control.js';
import type { AttemptRecord } from '../../routing/attempt-record.js';
import type { Usage } from '../../spec/usage.js';
import { estimateTextTokens } from './estimate-text-tokens.js';

/** What a finished request's record says about its usage (see RequestRecord). */
interface FinishedEntry {
  usage?: Usage;
  attempts?: readonly AttemptRecord[];
  outputText?: readonly string[];
}

/**
 * Settles the request's reservation with what one finished request really used: the provider's usage,
 * priced at the answering target's prices. An answer without usage (a cut stream, a provider that does
 * not report it) is settled with the input estimate and its text at four characters per token; a
 * request that got no answer used nothing. Runs where every request ends (`recordRequest`).
 */
export function settleRequest(
  request: FastifyRequest,
  entry: FinishedEntry,
  getModelInfo: ModelInfoLookup,
): void {
  const admission = request.admission;
  if (!admission) return;
  const answered = entry.attempts?.findLast((attempt) => attempt.isSuccess && attempt.skipped === undefined);
  admission.settle(getSettlement(entry, answered, admission.inputTokensPerRequest, getModelInfo));
}

function getSettlement(
  entry: FinishedEntry,
  answered: { provider: string; model: string } | undefined,
  estimatedInputTokens: number,
  getModelInfo: ModelInfoLookup,
): Settlement {
  if (!answered) return { tokens: entry.usage ? getTotal(entry.usage) : 0, costInUsd: 0 };
  const info = getModelInfo(answered.provider, answered.model);
  if (entry.usage) return { tokens: getTotal(entry.usage), costInUsd: computeCost(entry.usage, info) };
  const outputTokens = estimateTextTokens(entry.outputText);
  const usage = {
    prompt_tokens: estimatedInputTokens,
    completion_tokens: outputTokens,
    total_tokens: estimatedInputTokens + outputTokens,
  };
  return { tokens: usage.total_tokens, costInUsd: computeCost(usage, info) };
}

function getTotal(usage: Usage): number {
  return usage.total_tokens || usage.prompt_tokens + usage.completion_tokens;
}
