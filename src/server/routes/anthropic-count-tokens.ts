import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { countChatTokens } from '../../accounting/count-chat-tokens.js';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import { ApiError } from '../api-error.js';
import { convertAnthropicRequestToChat } from '../anthropic-wire/convert-anthropic-request-to-chat.js';
import { parseAnthropicMessagesRequest } from '../anthropic-wire/parse-anthropic-messages-request.js';
import type { ServerContext } from '../server-context.js';
import { sendAnthropicError } from '../anthropic-wire/send-anthropic-error.js';

/**
 * `POST /v1/messages/count_tokens`: asked of Anthropic itself when the route's first target is an
 * Anthropic model; otherwise counted locally with a real tokenizer (exact for OpenAI's o200k models, an
 * estimate for the rest). Nothing is generated, so no attempt is recorded.
 */
export function registerAnthropicCountTokens(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/messages/count_tokens', async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const raw = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
        string,
        unknown
      >;
      const body = parseAnthropicMessagesRequest({ max_tokens: 1, ...raw });
      const target = context.gateway.resolve(body.model).targets[0];
      if (!target)
        throw new ApiError(503, 'service_unavailable', `The route "${body.model}" has no target.`, {
          code: 'no_targets',
        });
      const native = target.adapter.anthropicMessages;
      if (!native)
        return reply.send({ input_tokens: await countChatTokens(convertAnthropicRequestToChat(body)) });
      const controller = new AbortController();
      reply.raw.once('close', () => controller.abort(new CallerCancelledError()));
      const timeout = AbortSignal.timeout(target.timeoutInMs);
      const signal = AbortSignal.any([controller.signal, timeout]);
      const counted = await native.countTokens({
        body: raw,
        model: target.model,
        credential: target.credential,
        baseUrl: target.baseUrl,
        signal,
        headers: target.headers,
      });
      return reply.send({ input_tokens: counted.input_tokens });
    } catch (error) {
      sendAnthropicError(reply, context.toApiError(error), request.id);
    }
  });
}
