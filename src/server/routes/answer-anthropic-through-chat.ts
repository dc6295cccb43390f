import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../../gateway.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import type { AnthropicMessagesRequest } from '../anthropic-wire/anthropic-request-schema.js';
import { convertAnthropicRequestToChat } from '../anthropic-wire/convert-anthropic-request-to-chat.js';
import { convertChatResponseToAnthropic } from '../anthropic-wire/convert-chat-response-to-anthropic.js';
import { convertChatStreamToAnthropic } from '../anthropic-wire/convert-chat-stream-to-anthropic.js';
import { getAnthropicErrorType } from '../anthropic-wire/render-anthropic-error.js';
import type { RequestRecord } from '../record-request.js';
import type { ServerContext } from '../server-context.js';
import { writeSSEEvents } from '../write-sse-events.js';

/**
 * Whether `/v1/messages` goes through `gateway.chat` for this model: only while the response cache is on
 * and no target of the route speaks Anthropic natively — the translated path, where every target gets a
 * ChatRequest anyway. A route with an Anthropic target keeps its pass-through (the caller's body as
 * written), which is never cached. An unknown model answers false: the usual path reports it.
 */
export function isAnsweredThroughChat(context: ServerContext, model: string): boolean {
  const { gateway } = context;
  if (!gateway.config.cache.isEnabled) return false;
  try {
    return gateway.resolve(model).targets.every((target) => !target.adapter.anthropicMessages);
  } catch {
    return false;
  }
}

/**
 * A translated `/v1/messages` request answered through `gateway.chat` / `gateway.chatStream`, so the
 * response cache applies (`x-arbiter-cache`; a cached answer replayed as Anthropic's event stream when a
 * stream was asked for). A hit is recorded with `isCacheHit` and no usage: its request counts against
 * the key's limits, its tokens and cost do not. Errors propagate to the route, which renders them.
 */
export async function answerAnthropicThroughChat(
  context: ServerContext,
  reply: FastifyReply,
  body: AnthropicMessagesRequest,
  call: RequestContext,
  entry: RequestRecord,
): Promise<void> {
  const { gateway, toApiError } = context;
  const { requestId } = call;
  const chatRequest = convertAnthropicRequestToChat(body);
  entry.chatRequest = chatRequest;
  if (body.stream === true) {
    const request = { ...chatRequest, stream: true, stream_options: { include_usage: true } };
    const result = await gateway.chatStream(request, call);
    const isCacheHit = result.cache === 'hit';
    Object.assign(entry, {
      route: result.route,
      attempts: result.attempts,
      ttftInMs: Math.round(result.value.ttftInMs),
      isCacheHit,
      cachedFrom: isCacheHit ? result.target : undefined,
    });
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'request-id': requestId,
      ...getArbiterHeaders(requestId, result.target, result.attempts, result.cache),
    });
    const failure = await writeSSEEvents(
      convertChatStreamToAnthropic(result.value.parts, result.target.model),
      reply.raw,
      toApiError,
      (error) =>
        `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: getAnthropicErrorType(error.status), message: error.message } })}\n\n`,
      entry,
    );
    if (isCacheHit) entry.usage = undefined;
    if (failure) Object.assign(entry, { status: failure.status, errorCode: failure.code });
    return;
  }
  const result = await gateway.chat(chatRequest, call);
  const isCacheHit = result.cache === 'hit';
  const responseBody = convertChatResponseToAnthropic(result.value);
  Object.assign(entry, {
    route: result.route,
    attempts: result.attempts,
    usage: isCacheHit ? undefined : result.value.usage,
    responseBody,
    isCacheHit,
    cachedFrom: isCacheHit ? result.target : undefined,
  });
  reply
    .code(200)
    .headers({
      'request-id': requestId,
      ...getArbiterHeaders(requestId, result.target, result.attempts, result.cache),
    })
    .type('application/json')
    .send(JSON.stringify(responseBody));
}
