import type { AttemptRecord } from '../routing/attempt-record.js';
import type { Usage } from '../spec/usage.js';
import type { AttemptSummary, UsageRecord } from '../store/usage-store.js';
import { computeCost } from './compute-cost.js';
import { countChatTokens, countTextTokens } from './count-chat-tokens.js';
import type { FinishedRequest } from './finished-request.js';
import type { ModelInfoLookup } from './get-model-info.js';

export interface BuildUsageRecordOptions {
  getModelInfo: ModelInfoLookup;
  /** Applied to stored bodies, so a key pasted into a prompt never lands in the usage log. */
  redact: (text: string) => string;
}

/**
 * A finished request as the usage log keeps it: the answering target, tokens (the provider's, else
 * counted with the tokenizer), the cost at that target's price, and each attempt. The attempt that
 * committed a stream has its time to first token, and its latency runs to the end of the stream, counted
 * from the request's arrival (under race or hedge strategies attempts overlap, so there is no better
 * start to count from).
 */
export async function buildUsageRecord(
  request: FinishedRequest,
  options: BuildUsageRecordOptions,
): Promise<UsageRecord> {
  // A target skipped without a call (open breaker, cooling key) is not an attempt that cost anything.
  const attempts = (request.attempts ?? []).filter((attempt) => attempt.skipped === undefined);
  const answered = attempts.findLast((attempt) => attempt.isSuccess) ?? attempts.at(-1);
  // Without an answer nothing was generated (or, as providers bill, charged): only a committed stream
  // that broke off, or an answer without usage, gets its tokens counted.
  const estimated =
    request.usage || !answered?.isSuccess ? undefined : await estimateUsage(request.countable);
  const usage = request.usage ?? estimated;
  const costInUsd =
    usage && answered ? computeCost(usage, options.getModelInfo(answered.provider, answered.model)) : 0;
  return {
    requestId: request.requestId,
    createdAt: request.createdAt,
    keyId: request.keyId,
    endpoint: request.endpoint,
    route: request.route ?? '',
    provider: answered?.provider ?? request.cachedFrom?.provider,
    model: answered?.model ?? request.cachedFrom?.model,
    status: request.status,
    isStream: request.isStream,
    isCacheHit: request.isCacheHit === true,
    attempts: attempts.map((attempt) => summarize(attempt, attempt === answered, request)),
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    tokenSource: request.usage ? 'provider' : estimated ? 'estimated' : 'none',
    costInUsd,
    latencyInMs: request.durationInMs,
    ttftInMs: request.ttftInMs,
    errorCode: request.errorCode ?? undefined,
    conversationId: request.conversationId,
    requestBody: serialize(request.requestBody, options.redact),
    responseBody: serialize(request.responseBody, options.redact),
  };
}

function summarize(attempt: AttemptRecord, isAnswer: boolean, request: FinishedRequest): AttemptSummary {
  const isCommittedStream = isAnswer && attempt.isSuccess && request.isStream;
  return {
    targetId: attempt.targetId,
    provider: attempt.provider,
    model: attempt.model,
    isSuccess: attempt.isSuccess,
    errorKind: attempt.errorKind,
    status: attempt.status,
    // A streamed attempt's record is taken at its commit point: its latency is the time to first token.
    latencyInMs: isCommittedStream
      ? Math.max(attempt.latencyInMs, request.durationInMs)
      : attempt.latencyInMs,
    ttftInMs: isCommittedStream ? attempt.latencyInMs : undefined,
  };
}

/** Tokens counted with the o200k tokenizer: exact for OpenAI's current models, an estimate for others. */
async function estimateUsage(countable: FinishedRequest['countable']): Promise<Usage | undefined> {
  if (!countable || (!countable.request && countable.outputText === undefined)) return undefined;
  const promptTokens = countable.request ? await countChatTokens(countable.request) : 0;
  const text =
    typeof countable.outputText === 'string' ? countable.outputText : countable.outputText?.join('');
  const completionTokens = text ? await countTextTokens(text) : 0;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/** A body as stored: strings as they are, a stream's text deltas joined, anything else as JSON. */
function serialize(body: unknown, redact: (text: string) => string): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return redact(body);
  if (Array.isArray(body) && body.every((part) => typeof part === 'string')) return redact(body.join(''));
  return redact(JSON.stringify(body));
}
