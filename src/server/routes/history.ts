import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.js';
import type { ChatServiceContext } from '../chat-service/chat-service-context.js';
import { sendOpenAIError } from './openai-chat-completions.js';

type HistoryRequest = FastifyRequest<{ Params: { conversationId: string } }>;

/**
 * `GET /history/{conversation_id}`: the stored conversation (system prompt and messages, oldest first —
 * all of them, however much a model's context window lets `/chat` send). `DELETE` removes it.
 */
export function registerHistory(app: FastifyInstance, context: ChatServiceContext): void {
  const notFound = (id: string) =>
    new ApiError(404, 'invalid_request_error', `Conversation '${id}' not found.`, {
      code: 'conversation_not_found',
      param: 'conversation_id',
    });

  app.get('/history/:conversationId', async (request: HistoryRequest, reply: FastifyReply) => {
    const id = request.params.conversationId;
    const conversation = await context.history.get(id);
    if (!conversation) return sendOpenAIError(reply, notFound(id), request.id);
    reply.send({
      conversation_id: conversation.id,
      system_prompt: conversation.systemPrompt ?? null,
      messages: conversation.messages,
      message_count: conversation.messages.length,
      updated_at: new Date(conversation.updatedAt).toISOString(),
    });
  });

  app.delete('/history/:conversationId', async (request: HistoryRequest, reply: FastifyReply) => {
    const id = request.params.conversationId;
    if (!(await context.history.delete(id))) return sendOpenAIError(reply, notFound(id), request.id);
    reply.send({ conversation_id: id, deleted: true });
  });
}
