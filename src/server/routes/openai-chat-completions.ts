import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AllAttemptsFailedError } from '../../routing/all-attempts-failed-error.js';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { ApiError } from '../api-error.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import { createSSEWriter } from '../create-sse-writer.js';
import { parseOpenAIChatRequest } from '../openai-wire/parse-openai-chat-request.js';
import { renderOpenAIError } from '../openai-wire/render-openai-error.js';
import { writeOpenAIStream } from '../openai-wire/write-openai-stream.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import { readContinueOnFailure, readRequestFallbacks } from '../read-request-fallbacks.js';
import type { ServerContext } from '../server-context.js';

/**
 * `POST /v1/chat/completions` (and `/chat/completions` for clients whose base URL lacks `/v1`): OpenAI's
 * Chat Completions, in front of every route. Errors before a stream's first content byte are ordinary
 * JSON errors with the right status; after it they are an error event (see writeOpenAIStream).
 */
export function registerOpenAIChatCompletions(app: FastifyInstance, context: ServerContext): void {
  const { gateway, logger, toApiError } = context;

  async function handleChatCompletions(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const startedAt = performance.now();
    const requestId = request.id;
    const entry: RequestRecord = {
      requestId,
      method: 'POST',
      path: request.url,
      status: 200,
      durationInMs: 0,
    };
    try {
      const fallbacks = readRequestFallbacks(request.body, request.headers);
      const shouldContinueOnFailure = readContinueOnFailure(request.body);
      const chatRequest = parseOpenAIChatRequest(request.body);
      Object.assign(entry, { isStream: chatRequest.stream === true, chatRequest });
      const controller = context.inFlight.track(reply);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
      });
      const callContext = {
        requestId,
        signal: controller.signal,
        fallbacks,
        shouldContinueOnFailure,
      };

      if (chatRequest.stream === true) {
        const result = await gateway.chatStream(chatRequest, callContext);
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
          'x-accel-buffering': 'no',
          ...getArbiterHeaders(requestId, result.target, result.attempts),
        });
        const summary = await writeOpenAIStream(createSSEWriter(reply.raw), result.value.parts, {
          includeUsage: chatRequest.stream_options?.include_usage === true,
          fallbackModel: result.target.model,
          toApiError,
        });
        Object.assign(entry, { usage: summary.usage, outputText: summary.text });
        if (summary.error) {
          entry.errorCode = summary.error.code;
          entry.status = summary.error.status;
        }
        return;
      }

      const result = await gateway.chat(chatRequest, callContext);
      const { route, attempts } = result;
      Object.assign(entry, { route, attempts, usage: result.value.usage, responseBody: result.value });
      reply
        .code(200)
        .headers(getArbiterHeaders(requestId, result.target, result.attempts))
        .type('application/json')
        .send(JSON.stringify(result.value));
    } catch (error) {
      const apiError = toApiError(error);
      if (error instanceof AllAttemptsFailedError) entry.attempts = error.attempts;
      entry.status = apiError.status;
      entry.errorCode = apiError.code;
      if (apiError.code === 'internal_error')
        logger.error({ err: error, reqId: requestId }, 'unexpected error');
      sendOpenAIError(reply, apiError, requestId);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      recordRequest(context, request, entry);
    }
  }

  app.post('/v1/chat/completions', handleChatCompletions);
  app.post('/chat/completions', handleChatCompletions);
}

export function sendOpenAIError(reply: FastifyReply, error: ApiError, requestId: string): void {
  if (reply.sent || reply.raw.headersSent) return;
  reply
    .code(error.status)
    .headers({ ...error.headers, 'x-request-id': requestId, 'x-arbiter-request-id': requestId })
    .type('application/json')
    .send(renderOpenAIError(error));
}
