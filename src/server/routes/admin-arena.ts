import type { FastifyInstance } from 'fastify';
import { AllAttemptsFailedError } from '../../routing/all-attempts-failed-error.js';
import { createArenaStream } from '../admin/create-arena-stream.js';
import { getArenaContenderRequestId } from '../admin/convert-arena-events.js';
import { parseArenaRequest } from '../admin/parse-arena-request.js';
import { prepareCompetitionCall } from '../competition/prepare-competition-call.js';
import { recordContender, recordJudge } from '../competition/record-competition-extras.js';
import type { RequestRecord } from '../record-request.js';
import { logRequest } from '../request-log.js';
import type { ServerContext } from '../server-context.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `POST /admin/arena`: the dashboard's arena, a `/compete` watched live. The same competition (guardrails,
 * contenders, evaluator, deadline) streams as SSE: `start`, each contender's `delta`s as they arrive,
 * its `done`, then the `verdict` and `end`. Each contender's answer is recorded in the usage log as soon
 * as it ends, under `<request id>_contender_<n>`, so a vote on it is a plain `POST /feedback`; the judge's
 * call is `<request id>_judge`. The arena request itself has a log line only: its contenders' records
 * already hold everything it spent. A client that goes away aborts every contender.
 */
export function registerAdminArena(app: FastifyInstance, context: ServerContext): void {
  const { gateway, logger, toApiError } = context;

  app.post('/admin/arena', async (request, reply) => {
    const startedAt = performance.now();
    const requestId = request.id;
    const entry: RequestRecord = {
      requestId,
      method: 'POST',
      path: request.url,
      status: 200,
      durationInMs: 0,
      route: 'arena',
      isStream: true,
    };
    let stream: ReturnType<typeof createArenaStream> | undefined;
    try {
      const body = parseArenaRequest(request.body);
      const { chatRequest, signal } = prepareCompetitionCall(context, request, reply, entry, body);
      stream = createArenaStream({
        reply,
        requestId,
        evaluator: body.evaluator ?? gateway.config.competition.evaluator,
        redact: gateway.redact,
        onResult: (index, contender) =>
          recordContender(context, request, {
            requestId: getArenaContenderRequestId(requestId, index),
            route: chatRequest.model,
            contender,
            chatRequest,
          }),
      });
      const competition = await gateway.compete(chatRequest, {
        requestId,
        signal,
        contest: {
          ...(body.contenders ? { contenders: body.contenders } : {}),
          ...(body.evaluator ? { evaluator: body.evaluator } : {}),
          ...(body.deadline_ms ? { deadlineInMs: body.deadline_ms } : {}),
          observer: stream.observer,
        },
      });
      recordJudge(context, request, requestId, competition);
      stream.sendVerdict(competition);
    } catch (error) {
      const apiError = toApiError(error);
      Object.assign(entry, { status: apiError.status, errorCode: apiError.code });
      if (apiError.code === 'internal_error')
        logger.error({ err: error, reqId: requestId }, 'unexpected error');
      if (!stream?.isStarted) sendOpenAIError(reply, apiError, requestId);
      else if (error instanceof AllAttemptsFailedError) stream.sendNoWinner(apiError.message);
      else stream.sendError(apiError.message);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      logRequest(logger, entry);
    }
  });
}
