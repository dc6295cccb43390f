import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { ApiError } from '../api-error.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import { applyGuardrails } from '../apply-guardrails.js';
import { convertCompetitionToJSON } from '../competition/convert-competition-to-json.js';
import { readContestOptions } from '../competition/read-contest-options.js';
import { settleCompetition } from '../competition/settle-competition.js';
import { createSSEWriter } from '../create-sse-writer.js';
import { parseOpenAIChatRequest } from '../openai-wire/parse-openai-chat-request.js';
import { renderOpenAIError } from '../openai-wire/render-openai-error.js';
import { writeOpenAIStream } from '../openai-wire/write-openai-stream.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import { readContinueOnFailure, readRequestFallbacks } from '../read-request-fallbacks.js';
import { readCacheDirective } from '../read-cache-directive.js';
import type { ServerContext } from '../server-context.js';
import { recordRouteFailure } from '../record-route-failure.js';

/**
 * `POST /v1/chat/completions` (and `/chat/completions` for clients whose base URL lacks `/v1`): OpenAI's
 * Chat Completions, in front of every route. Errors before a stream's first content byte are ordinary
 * JSON errors with the right status; after it they are an error event (see writeOpenAIStream).
 */
export function registerOpenAIChatCompletions(app: FastifyInstance, context: ServerContext): void {
  const { gateway, toApiError } = context;

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
      const contest = readContestOptions(request.body, gateway.config.routes);
      const cache = readCacheDirective(request.body, request.headers, request.principal?.keyId);
      const chatRequest = parseOpenAIChatRequest(request.body);
      applyGuardrails(context, request, reply, entry, { format: 'openai-chat', body: chatRequest });
      Object.assign(entry, { isStream: chatRequest.stream === true, chatRequest });
      const controller = context.inFlight.track(reply);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
      });
      const callContext = {
        requestId,
        signal: controller.signal,
        plan: request.principal?.plan,
        fallbacks,
        shouldContinueOnFailure,
        contest,
        cache,
      };

      if (chatRequest.stream === true) {
        const result = await gateway.chatStream(chatRequest, callContext);
        Object.assign(entry, {
          route: result.route,
          attempts: result.attempts,
          ttftInMs: Math.round(result.value.ttftInMs),
          isCacheHit: result.cache === 'hit',
          cachedFrom: result.cache === 'hit' ? result.target : undefined,
        });
        reply.hijack();
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          ...getArbiterHeaders(requestId, result.target, result.attempts, result.cache),
          ...settleCompetition(context, request, result, chatRequest),
        });
        const summary = await writeOpenAIStream(createSSEWriter(reply.raw), result.value.parts, {
          includeUsage: chatRequest.stream_options?.include_usage === true,
          fallbackModel: result.target.model,
          toApiError,
        });
        // A hit used no tokens: its request counts against the key's limits, its tokens and cost do not.
        Object.assign(entry, {
          usage: result.cache === 'hit' ? undefined : summary.usage,
          outputText: summary.text,
        });
        if (summary.error) {
          entry.errorCode = summary.error.code;
          entry.status = summary.error.status;
        }
        return;
      }

      const result = await gateway.chat(chatRequest, callContext);
      const { route, attempts } = result;
      // A competition's answer is the winner's, with the whole competition beside it.
      const body = result.competition
        ? {
            ...result.value,
            arbiter_competition: convertCompetitionToJSON(result.competition, gateway.redact),
          }
        : result.value;
      const isCacheHit = result.cache === 'hit';
      const usage = isCacheHit ? undefined : result.value.usage;
      const cachedFrom = isCacheHit ? result.target : undefined;
      Object.assign(entry, { route, attempts, usage, responseBody: body, isCacheHit, cachedFrom });
      reply
        .code(200)
        .headers({
          ...getArbiterHeaders(requestId, result.target, result.attempts, result.cache),
          ...settleCompetition(context, request, result, chatRequest),
        })
        .type('application/json')
        .send(JSON.stringify(body));
    } catch (error) {
      sendOpenAIError(reply, recordRouteFailure(context, entry, error), requestId);
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
