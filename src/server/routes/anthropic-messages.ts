import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { Target } from '../../routing/target.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import { ApiError } from '../api-error.js';
import { ProviderError } from '../../spec/provider-error.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import { applyGuardrails } from '../apply-guardrails.js';
import { getContestKind } from '../competition/get-contest-kind.js';
import { readContestOptions } from '../competition/read-contest-options.js';
import { runAnthropicCompetition } from '../competition/run-anthropic-competition.js';
import { writeSSEEvents } from '../write-sse-events.js';
import {
  annotateAnthropicEvents,
  anthropicEventCodec,
  type AnthropicEvent,
} from '../anthropic-wire/anthropic-event.js';
import type { AnthropicMessagesRequest } from '../anthropic-wire/anthropic-request-schema.js';
import { convertAnthropicRequestToChat } from '../anthropic-wire/convert-anthropic-request-to-chat.js';
import { convertChatResponseToAnthropic } from '../anthropic-wire/convert-chat-response-to-anthropic.js';
import { convertChatStreamToAnthropic } from '../anthropic-wire/convert-chat-stream-to-anthropic.js';
import { parseAnthropicMessagesRequest } from '../anthropic-wire/parse-anthropic-messages-request.js';
import { getAnthropicErrorType } from '../anthropic-wire/render-anthropic-error.js';
import { sendAnthropicError } from '../anthropic-wire/send-anthropic-error.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import { readRequestFallbacks } from '../read-request-fallbacks.js';
import { readCacheDirective } from '../read-cache-directive.js';
import { answerAnthropicThroughChat, isAnsweredThroughChat } from './answer-anthropic-through-chat.js';
import type { ServerContext } from '../server-context.js';
import { registerAnthropicCountTokens } from './anthropic-count-tokens.js';
import { recordRouteFailure } from '../record-route-failure.js';

/**
 * `POST /v1/messages`: Anthropic's Messages API in front of every route. An Anthropic target gets the
 * caller's body as it was written (no lossy round trip); any other target gets it translated, and its
 * answer is translated back, streamed or not. With the response cache on, a route without Anthropic
 * targets goes through `gateway.chat` so the cache applies (answer-anthropic-through-chat.ts); the
 * pass-through is never cached. Errors use Anthropic's envelope.
 */
export function registerAnthropicMessages(app: FastifyInstance, context: ServerContext): void {
  const { gateway, toApiError } = context;

  async function handleMessages(request: FastifyRequest, reply: FastifyReply): Promise<void> {
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
      const contest = readContestOptions(request.body, gateway.config.routes);
      const cache = readCacheDirective(request.body, request.headers, request.principal?.keyId);
      const body = parseAnthropicMessagesRequest(request.body);
      applyGuardrails(context, request, reply, entry, { format: 'anthropic-messages', body });
      const rawBody = request.body as Record<string, unknown>;
      entry.isStream = body.stream === true;
      const controller = context.inFlight.track(reply);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
      });
      const callContext = {
        requestId,
        signal: controller.signal,
        fallbacks,
        contest,
        plan: request.principal?.plan,
      };
      if (getContestKind(gateway.config.routes, body.model) === 'compete')
        return await runAnthropicCompetition(context, request, reply, body, callContext, entry);
      if (isAnsweredThroughChat(context, body.model))
        return await answerAnthropicThroughChat(context, reply, body, { ...callContext, cache }, entry);
      const calls = createTargetCalls(body, rawBody, getBetaHeader(request));

      if (body.stream === true) {
        const result = await gateway.runStream(body.model, callContext, calls.stream, anthropicEventCodec);
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
          'request-id': requestId,
          ...getArbiterHeaders(requestId, result.target, result.attempts),
        });
        const failure = await writeSSEEvents(
          result.value.parts,
          reply.raw,
          toApiError,
          (error) =>
            `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: getAnthropicErrorType(error.status), message: error.message } })}\n\n`,
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
        .headers({ 'request-id': requestId, ...getArbiterHeaders(requestId, result.target, result.attempts) })
        .type('application/json')
        .send(JSON.stringify(result.value.body));
    } catch (error) {
      sendAnthropicError(reply, recordRouteFailure(context, entry, error), requestId);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      recordRequest(context, request, entry);
    }
  }

  app.post('/v1/messages', handleMessages);
  registerAnthropicCountTokens(app, context);
}

/**
 * How one target is called: natively when it speaks Anthropic's Messages API, translated otherwise. The
 * translation is done once per request, and only if a non-Anthropic target is tried.
 */
function createTargetCalls(
  body: AnthropicMessagesRequest,
  rawBody: Record<string, unknown>,
  beta: string | undefined,
) {
  let chat: ChatRequest | undefined;
  // A request only an Anthropic model can take fails this target as a bad request, so a later
  // Anthropic target in the route still gets its chance.
  const toChat = (target: Target): ChatRequest => {
    try {
      return (chat ??= convertAnthropicRequestToChat(body));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ProviderError({
        kind: 'bad-request',
        provider: target.provider,
        status: error.status,
        message: error.message,
        code: error.code ?? undefined,
      });
    }
  };
  const nativeCall = (target: Target, signal: AbortSignal) => ({
    body: rawBody,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
    headers: { ...target.headers, ...(beta ? { 'anthropic-beta': beta } : {}) },
  });
  const chatCall = (request: ChatRequest, target: Target, signal: AbortSignal) => ({
    request,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
    headers: target.headers,
  });
  return {
    async create(target: Target, signal: AbortSignal) {
      const native = target.adapter.anthropicMessages;
      if (native) return native.create(nativeCall(target, signal));
      const response = await target.adapter.chat(chatCall(toChat(target), target, signal));
      return { body: convertChatResponseToAnthropic(response), usage: response.usage };
    },
    async stream(target: Target, signal: AbortSignal): Promise<AsyncIterable<AnthropicEvent>> {
      const native = target.adapter.anthropicMessages;
      if (native)
        return annotateAnthropicEvents(await native.stream(nativeCall(target, signal)), target.provider);
      const request = { ...toChat(target), stream: true, stream_options: { include_usage: true } };
      return convertChatStreamToAnthropic(
        await target.adapter.chatStream(chatCall(request, target, signal)),
        target.model,
      );
    },
  };
}

function getBetaHeader(request: FastifyRequest): string | undefined {
  const value = request.headers['anthropic-beta'];
  return Array.isArray(value) ? value.join(',') : value;
}
