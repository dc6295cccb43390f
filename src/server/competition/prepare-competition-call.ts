import type { FastifyReply, FastifyRequest } from 'fastify';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { ChatMessage, ChatRequest } from '../../spec/chat-request.js';
import { applyGuardrails } from '../apply-guardrails.js';
import type { RequestRecord } from '../record-request.js';
import type { ServerContext } from '../server-context.js';

/** The fields of a parsed competition body (`/compete`, the dashboard's arena) that shape the chat request. */
export interface CompetitionCallBody {
  messages: ChatMessage[];
  temperature?: number | null;
  max_tokens?: number | null;
}

/**
 * What every competition ingress does before the contenders are called: the body becomes the chat
 * request every contender answers (route `compete`), the guardrails check it (a block is a 400 thrown
 * here), and the request is tracked for graceful shutdown with a signal that aborts every contender
 * when the caller goes away before the answer is finished.
 */
export function prepareCompetitionCall(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  entry: RequestRecord,
  body: CompetitionCallBody,
): { chatRequest: ChatRequest; signal: AbortSignal } {
  const chatRequest: ChatRequest = { model: 'compete', messages: body.messages };
  applyGuardrails(context, request, reply, entry, { format: 'openai-chat', body: chatRequest });
  if (body.temperature != null) chatRequest.temperature = body.temperature;
  if (body.max_tokens != null) chatRequest.max_tokens = body.max_tokens;
  entry.chatRequest = chatRequest;
  const controller = context.inFlight.track(reply);
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
  });
  return { chatRequest, signal: controller.signal };
}
