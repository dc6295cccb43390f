import type { FastifyRequest } from 'fastify';
import type { CompetitionResult } from '../../competition/competition-result.js';
import type { ContenderResult } from '../../competition/contender-result.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import type { ServerContext } from '../server-context.js';

/**
 * A competition spends on every contender and on its judge, not only on the winner the request's own
 * record is priced at. Each other contender that was called, and the judge, therefore get a record of
 * their own (`<request id>_contender_<n>`, `<request id>_judge`), with their usage and cost, like the
 * items of a batch.
 */
export function recordCompetitionExtras(
  context: ServerContext,
  request: FastifyRequest,
  requestId: string,
  competition: CompetitionResult,
  chatRequest: ChatRequest,
): void {
  competition.contenders.forEach((contender, index) => {
    if (contender === competition.winner) return;
    recordContender(context, request, {
      requestId: `${requestId}_contender_${index + 1}`,
      route: competition.route,
      contender,
      chatRequest,
    });
  });
  recordJudge(context, request, requestId, competition);
}

/**
 * One contender's own usage record under `requestId` (its answer's tokens and cost, or its failure),
 * which `POST /feedback` can rate like any request. A contender never called (skipped) spent nothing and
 * gets none.
 */
export function recordContender(
  context: ServerContext,
  request: FastifyRequest,
  record: { requestId: string; route: string; contender: ContenderResult; chatRequest: ChatRequest },
): void {
  const { contender } = record;
  if (contender.record.skipped !== undefined) return;
  recordRequest(context, request, {
    method: 'POST',
    path: request.url,
    isStream: false,
    chatRequest: record.chatRequest,
    requestId: record.requestId,
    route: record.route,
    status: contender.response ? 200 : getStatus(contender),
    attempts: [contender.record],
    durationInMs: Math.round(contender.latencyInMs),
    ttftInMs: contender.ttftInMs === undefined ? undefined : Math.round(contender.ttftInMs),
    usage: contender.usage,
    outputText: contender.response ? [contender.text] : undefined,
    errorCode: contender.error?.kind,
  } satisfies RequestRecord);
}

/** The judge's call, when one answered, as `<request id>_judge` with its usage. */
export function recordJudge(
  context: ServerContext,
  request: FastifyRequest,
  requestId: string,
  competition: CompetitionResult,
): void {
  const judge = competition.verdict.judgeCall;
  if (!judge) return;
  recordRequest(context, request, {
    method: 'POST',
    path: request.url,
    isStream: false,
    requestId: `${requestId}_judge`,
    route: context.gateway.config.competition.judge.model,
    status: 200,
    attempts: judge.attempts,
    durationInMs: Math.round(judge.latencyInMs),
    usage: judge.value.usage,
  } satisfies RequestRecord);
}

/** The status a contender's failure would have had as a request of its own. */
function getStatus(contender: ContenderResult): number {
  if (contender.isTimedOut || contender.error?.kind === 'timeout') return 504;
  if (contender.error?.kind === 'cancelled') return 499;
  return contender.error?.status ?? 502;
}
