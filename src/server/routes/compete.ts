import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getArbiterHeaders } from '../arbiter-headers.js';
import { buildCompeteResponse } from '../competition/build-compete-response.js';
import { getCompetitionHeaders } from '../competition/convert-competition-to-json.js';
import { parseCompeteRequest } from '../competition/parse-compete-request.js';
import { prepareCompetitionCall } from '../competition/prepare-competition-call.js';
import { recordCompetitionExtras } from '../competition/record-competition-extras.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import type { ServerContext } from '../server-context.js';
import { sendOpenAIError } from './openai-chat-completions.js';
import { recordRouteFailure } from '../record-route-failure.js';

/**
 * `POST /compete`, the original brief's model competition: the prompt goes to every contender at once
 * (`contenders`, else `providers`, else COMPETE_CONTENDERS, else every provider's default model), and
 * the answer has each one's response and time in the brief's shape, the winner chosen by the evaluator
 * (`fastest` unless asked otherwise), and each contender's tokens, cost and error. Errors use OpenAI's
 * envelope; a competition in which nobody answered fails like a route whose every attempt failed.
 */
export function registerCompete(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;

  app.post('/compete', async (request: FastifyRequest, reply: FastifyReply) => {
    const startedAt = performance.now();
    const requestId = request.id;
    const entry: RequestRecord = {
      requestId,
      method: 'POST',
      path: request.url,
      status: 200,
      durationInMs: 0,
      route: 'compete',
      isStream: false,
    };
    try {
      const body = parseCompeteRequest(request.body);
      const { chatRequest, signal } = prepareCompetitionCall(context, request, reply, entry, body);
      const contenders = body.contenders ?? body.providers ?? undefined;
      const competition = await gateway.compete(chatRequest, {
        requestId,
        signal,
        contest: {
          ...(contenders ? { contenders } : {}),
          ...(body.evaluator ? { evaluator: body.evaluator } : {}),
          ...(body.timeout_ms ? { deadlineInMs: body.timeout_ms } : {}),
        },
      });
      const { winner } = competition;
      // The usage log prices a request at its last successful attempt: the winner goes last.
      const attempts = [
        ...competition.contenders
          .filter((contender) => contender !== winner)
          .map((contender) => contender.record),
        winner.record,
      ];
      const response = buildCompeteResponse(competition, requestId, gateway.redact);
      Object.assign(entry, { attempts, usage: winner.usage, responseBody: response });
      recordCompetitionExtras(context, request, requestId, competition, chatRequest);
      reply
        .code(200)
        .headers({
          ...getArbiterHeaders(requestId, winner.target, attempts),
          ...getCompetitionHeaders(competition),
        })
        .type('application/json')
        .send(JSON.stringify(response));
    } catch (error) {
      sendOpenAIError(reply, recordRouteFailure(context, entry, error), requestId);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      recordRequest(context, request, entry);
    }
  });
}
