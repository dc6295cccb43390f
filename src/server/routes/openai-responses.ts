import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createId } from '../../lib/create-id.js';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import { ApiError } from '../api-error.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import { applyGuardrails } from '../apply-guardrails.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import { responsesEventCodec } from '../responses-wire/annotate-responses-events.js';
import { convertOutputToConversation } from '../responses-wire/convert-output-to-conversation.js';
import {
  createResponsesTargetCalls,
  getStoredConversation,
} from '../responses-wire/create-responses-target-calls.js';
import { parseResponsesRequest } from '../responses-wire/parse-responses-request.js';
import { readRequestFallbacks } from '../read-request-fallbacks.js';
import type { ServerContext } from '../server-context.js';
import { writeSSEEvents } from '../write-sse-events.js';
import { sendOpenAIError } from './openai-chat-completions.js';
import { recordRouteFailure } from '../record-route-failure.js';

/**
 * OpenAI's Responses API in front of every route: `POST /v1/responses` (streamed or not), and
 * `GET`/`DELETE /v1/responses/{id}` for stored answers. `previous_response_id` continues a stored
 * conversation on any provider. Storing happens after the answer is sent, off the request path.
 */
export function registerOpenAIResponses(app: FastifyInstance, context: ServerContext): void {
  const { gateway, logger, toApiError } = context;
  const store = gateway.stores.responses;

  app.post('/v1/responses', async (request: FastifyRequest, reply: FastifyReply) => {
    const startedAt = performance.now();
    const entry: RequestRecord = {
      requestId: request.id,
      method: 'POST',
      path: request.url,
      status: 200,
      durationInMs: 0,
    };
    try {
      const fallbacks = readRequestFallbacks(request.body, request.headers);
      const body = parseResponsesRequest(request.body);
      applyGuardrails(context, request, reply, entry, { format: 'openai-responses', body });
      const previous = body.previous_response_id ? await store.get(body.previous_response_id) : undefined;
      if (body.previous_response_id && !previous) {
        throw new ApiError(
          404,
          'invalid_request_error',
          `Previous response with id '${body.previous_response_id}' not found.`,
          { code: 'previous_response_not_found', param: 'previous_response_id' },
        );
      }
      entry.isStream = body.stream === true;
      const controller = context.inFlight.track(reply);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
      });
      const onEnd = (response: Record<string, unknown>, isNative: boolean): void => {
        if (body.store === false || typeof response.id !== 'string') return;
        const conversation = getStoredConversation(
          { request: body, previous },
          convertOutputToConversation(response.output),
        );
        store
          .put({ id: response.id, response, conversation, isNative, createdAt: Date.now() })
          .catch((error: unknown) => logger.error({ err: error }, 'storing a response failed'));
      };
      const calls = createResponsesTargetCalls({
        request: body,
        rawBody: request.body as Record<string, unknown>,
        previous,
        id: createId('resp_'),
        createdAt: Math.floor(Date.now() / 1000),
        onEnd,
      });
      const callContext = {
        requestId: request.id,
        signal: controller.signal,
        fallbacks,
        plan: request.principal?.plan,
      };

      if (body.stream === true) {
        const result = await gateway.runStream(body.model, callContext, calls.stream, responsesEventCodec);
        Object.assign(entry, {
          route: result.route,
          attempts: result.attempts,
          ttftInMs: Math.round(result.value.ttftInMs),
        });
        reply.hijack();
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
          ...getArbiterHeaders(request.id, result.target, result.attempts),
        });
        const failure = await writeSSEEvents(
          result.value.parts,
          reply.raw,
          toApiError,
          (error) =>
            `event: error\ndata: ${JSON.stringify({ type: 'error', code: error.code, message: error.message, param: error.param, sequence_number: 0 })}\n\n`,
          entry,
        );
        if (failure) Object.assign(entry, { status: failure.status, errorCode: failure.code });
        return;
      }
      const result = await gateway.run(body.model, callContext, calls.create, (value) => value.usage);
      const { route, attempts } = result;
      Object.assign(entry, { route, attempts, usage: result.value.usage, responseBody: result.value.body });
      reply
        .code(200)
        .headers(getArbiterHeaders(request.id, result.target, result.attempts))
        .type('application/json')
        .send(JSON.stringify(result.value.body));
    } catch (error) {
      sendOpenAIError(reply, recordRouteFailure(context, entry, error), request.id);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      recordRequest(context, request, entry);
    }
  });

  app.get(
    '/v1/responses/:id',
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const stored = await store.get(request.params.id);
      if (stored) return reply.send(stored.response);
      sendOpenAIError(
        reply,
        new ApiError(404, 'invalid_request_error', `Response with id '${request.params.id}' not found.`, {
          code: 'response_not_found',
          param: 'response_id',
        }),
        request.id,
      );
    },
  );

  app.delete(
    '/v1/responses/:id',
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      if (await store.delete(request.params.id))
        return reply.send({ id: request.params.id, object: 'response', deleted: true });
      sendOpenAIError(
        reply,
        new ApiError(404, 'invalid_request_error', `Response with id '${request.params.id}' not found.`, {
          code: 'response_not_found',
          param: 'response_id',
        }),
        request.id,
      );
    },
  );
}
