import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../../gateway.js';
import type { AnthropicMessagesRequest } from '../anthropic-wire/anthropic-request-schema.js';
import { convertAnthropicRequestToChat } from '../anthropic-wire/convert-anthropic-request-to-chat.js';
import { convertChatResponseToAnthropic } from '../anthropic-wire/convert-chat-response-to-anthropic.js';
import { convertChatStreamToAnthropic } from '../anthropic-wire/convert-chat-stream-to-anthropic.js';
import { getAnthropicErrorType } from '../anthropic-wire/render-anthropic-error.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import type { RequestRecord } from '../record-request.js';
import type { ServerContext } from '../server-context.js';
import { writeSSEEvents } from '../write-sse-events.js';
import { convertCompetitionToJSON } from './convert-competition-to-json.js';
import { settleCompetition } from './settle-competition.js';

/**
 * `/v1/messages` with a `compete` route. Contenders of any provider answer the same chat request, so the
 * body is translated once (no Anthropic pass-through: the answers must be comparable), and the winner's
 * answer comes back as an Anthropic message with `arbiter_competition` beside it. A streamed request gets
 * the winner's answer replayed as Anthropic events once the verdict is in; how it was chosen is then in
 * the `x-arbiter-competition-winner` and `x-arbiter-evaluator` headers.
 */
export async function runAnthropicCompetition(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  body: AnthropicMessagesRequest,
  callContext: RequestContext,
  entry: RequestRecord,
): Promise<void> {
  const { gateway } = context;
  const chatRequest = convertAnthropicRequestToChat(body);
  entry.chatRequest = chatRequest;
  const headers = (result: Parameters<typeof settleCompetition>[2]) => ({
    'request-id': request.id,
    ...getArbiterHeaders(request.id, result.target, result.attempts),
    ...settleCompetition(context, request, result, chatRequest),
  });

  if (body.stream === true) {
    const result = await gateway.chatStream({ ...chatRequest, stream: true }, callContext);
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
      ...headers(result),
    });
    const failure = await writeSSEEvents(
      convertChatStreamToAnthropic(result.value.parts, result.target.model),
      reply.raw,
      context.toApiError,
      (error) =>
        `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: getAnthropicErrorType(error.status), message: error.message } })}\n\n`,
      entry,
    );
    if (failure) Object.assign(entry, { status: failure.status, errorCode: failure.code });
    return;
  }

  const result = await gateway.chat(chatRequest, callContext);
  const message = {
    ...convertChatResponseToAnthropic(result.value),
    ...(result.competition
      ? { arbiter_competition: convertCompetitionToJSON(result.competition, gateway.redact) }
      : {}),
  };
  Object.assign(entry, {
    route: result.route,
    attempts: result.attempts,
    usage: result.value.usage,
    responseBody: message,
  });
  reply.code(200).headers(headers(result)).type('application/json').send(JSON.stringify(message));
}
