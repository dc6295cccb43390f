import type { FastifyReply } from 'fastify';
import { createSSEWriter } from '../create-sse-writer.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import type { RequestRecord } from '../record-request.js';
import type { Usage } from '../../spec/usage.js';
import { buildChatServiceResponse } from './build-chat-service-response.js';
import type { ChatServiceContext } from './chat-service-context.js';
import type { ParsedChatServiceRequest } from './parse-chat-service-request.js';
import { prepareChatServiceRequest } from './prepare-chat-service-request.js';
import { runRoute, saveTurn, type ChatServiceCall } from './run-chat-service-chat.js';

/** One SSE event of the chat-service stream. */
export function renderChatServiceEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * `/chat/stream` (and `/chat` with `stream: true`) as SSE: `start` (ids and the model that answers),
 * `delta` events with `content`, then `done` carrying the whole `/chat` answer (tokens, cost, timing).
 * A failure before the first token is an ordinary JSON error (the route may still fall back until then);
 * one after it is a final `error` event, and the turn is not saved, so a cut answer never joins the
 * conversation.
 */
export async function streamChatService(
  body: ParsedChatServiceRequest,
  call: ChatServiceCall,
  context: ChatServiceContext,
  entry: RequestRecord,
  reply: FastifyReply,
): Promise<void> {
  const { gateway } = context;
  const prepared = await prepareChatServiceRequest({ ...body, stream: true }, gateway, context.history);
  const { conversationId, chatRequest } = prepared;
  Object.assign(entry, { route: chatRequest.model, conversationId, chatRequest });
  const result = await runRoute(entry, () =>
    gateway.chatStream(prepared.chatRequest, {
      requestId: call.requestId,
      signal: call.signal,
      plan: call.plan,
      cache: call.cache,
    }),
  );
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
    'x-accel-buffering': 'no',
    ...getArbiterHeaders(call.requestId, result.target, result.attempts, result.cache),
  });
  const writer = createSSEWriter(reply.raw);
  const modelUsed = `${result.target.provider}/${result.target.model}`;
  await writer.write(
    renderChatServiceEvent('start', {
      request_id: call.requestId,
      conversation_id: prepared.conversationId,
      model_used: modelUsed,
    }),
  );
  const text: string[] = [];
  let usage: Usage | undefined;
  try {
    for await (const part of result.value.parts) {
      if (part.type === 'text-delta' && part.choiceIndex === 0) {
        text.push(part.text);
        await writer.write(renderChatServiceEvent('delta', { content: part.text }));
      } else if (part.type === 'usage') usage = part.usage;
      else if (part.type === 'error') throw part.error;
    }
  } catch (error) {
    const apiError = context.toApiError(error);
    Object.assign(entry, { status: apiError.status, errorCode: apiError.code, usage, outputText: text });
    const failure = { message: apiError.message, type: apiError.type, code: apiError.code };
    writer.end(renderChatServiceEvent('error', { error: failure }));
    return;
  }
  // A hit used no tokens: its request counts against the key's limits, its tokens and cost do not.
  Object.assign(entry, { usage: isCacheHit ? undefined : usage, outputText: text });
  const answer = text.join('');
  const response = await buildChatServiceResponse(
    {
      text: answer,
      provider: result.target.provider,
      model: result.target.model,
      usage,
      messages: prepared.chatRequest.messages,
      conversationId: prepared.conversationId,
      requestId: call.requestId,
      startedAt: call.startedAt,
    },
    gateway.getModelInfo,
  );
  saveTurn(context, prepared, answer);
  writer.end(renderChatServiceEvent('done', response));
}
