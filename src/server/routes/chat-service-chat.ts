import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { ChatServiceContext } from '../chat-service/chat-service-context.js';
import { parseChatServiceRequest } from '../chat-service/parse-chat-service-request.js';
import { runChatServiceChat } from '../chat-service/run-chat-service-chat.js';
import { streamChatService } from '../chat-service/stream-chat-service.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import { applyGuardrails } from '../apply-guardrails.js';
import { readCacheDirective } from '../read-cache-directive.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `POST /chat` and `POST /chat/stream`, the chat-service API of the original brief: one message in
 * (`message` or `prompt`), the answer out with `model_used`, `tokens_used`, `cost_estimate`,
 * `conversation_id`, `timestamp` and `processing_time`. `model_provider` resolves through the same router
 * as every other endpoint, so any provider or route name works. Errors use OpenAI's envelope.
 */
export function registerChatServiceChat(app: FastifyInstance, context: ChatServiceContext): void {
  async function handleChat(request: FastifyRequest, reply: FastifyReply, isStreamPath: boolean) {
    const startedAt = performance.now();
    const entry: RequestRecord = {
      requestId: request.id,
      method: 'POST',
      path: request.url,
      status: 200,
      durationInMs: 0,
    };
    try {
      const cache = readCacheDirective(request.body, request.headers, request.principal?.keyId);
      const body = parseChatServiceRequest(request.body);
      applyGuardrails(context, request, reply, entry, { format: 'chat-service', body });
      entry.isStream = isStreamPath || body.stream === true;
      const controller = context.inFlight.track(reply);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
      });
      const call = {
        requestId: request.id,
        signal: controller.signal,
        startedAt,
        cache,
        plan: request.principal?.plan,
      };
      if (entry.isStream) return await streamChatService(body, call, context, entry, reply);
      const { response, headers } = await runChatServiceChat(body, call, context, entry);
      reply.code(200).headers(headers).type('application/json').send(JSON.stringify(response));
    } catch (error) {
      const apiError = context.toApiError(error);
      Object.assign(entry, { status: apiError.status, errorCode: apiError.code });
      if (apiError.code === 'internal_error')
        context.logger.error({ err: error, reqId: request.id }, 'unexpected error');
      sendOpenAIError(reply, apiError, request.id);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      recordRequest(context, request, entry);
    }
  }

  app.post('/chat', (request, reply) => handleChat(request, reply, false));
  app.post('/chat/stream', (request, reply) => handleChat(request, reply, true));
}
