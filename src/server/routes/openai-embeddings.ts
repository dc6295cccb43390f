import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import { ProviderError } from '../../spec/provider-error.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import { parseOpenAIEmbeddingsRequest } from '../openai-wire/parse-openai-embeddings-request.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import type { ServerContext } from '../server-context.js';
import { sendOpenAIError } from './openai-chat-completions.js';
import { recordRouteFailure } from '../record-route-failure.js';

/**
 * `POST /v1/embeddings`: routed like chat (fallback, outcomes, usage), to every provider that embeds
 * (the OpenAI family, Azure, Gemini, Ollama). A target whose provider cannot embed fails as a bad request
 * naming it, so a route may mix providers.
 */
export function registerOpenAIEmbeddings(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;

  app.post('/v1/embeddings', async (request: FastifyRequest, reply: FastifyReply) => {
    const startedAt = performance.now();
    const entry: RequestRecord = {
      requestId: request.id,
      method: 'POST',
      path: request.url,
      status: 200,
      durationInMs: 0,
    };
    try {
      const embeddingRequest = parseOpenAIEmbeddingsRequest(request.body);
      const controller = context.inFlight.track(reply);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
      });
      const result = await gateway.run(
        embeddingRequest.model,
        { requestId: request.id, signal: controller.signal },
        (target, signal) => {
          if (!target.adapter.embed) {
            throw new ProviderError({
              kind: 'bad-request',
              provider: target.provider,
              status: 400,
              message: `${target.provider} does not offer embeddings`,
              code: 'embeddings_not_supported',
            });
          }
          return target.adapter.embed({
            request: embeddingRequest,
            model: target.model,
            credential: target.credential,
            baseUrl: target.baseUrl,
            signal,
            headers: target.headers,
          });
        },
        (response) => ({
          prompt_tokens: response.usage.prompt_tokens,
          completion_tokens: 0,
          total_tokens: response.usage.total_tokens,
        }),
      );
      // Vectors are not kept even with LOG_RESPONSES: they are large and say nothing about the request.
      const { prompt_tokens: promptTokens, total_tokens: totalTokens } = result.value.usage;
      const usage = { prompt_tokens: promptTokens, completion_tokens: 0, total_tokens: totalTokens };
      Object.assign(entry, { route: result.route, attempts: result.attempts, usage });
      reply
        .code(200)
        .headers(getArbiterHeaders(request.id, result.target, result.attempts))
        .type('application/json')
        .send(JSON.stringify(result.value));
    } catch (error) {
      sendOpenAIError(reply, recordRouteFailure(context, entry, error), request.id);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      recordRequest(context, request, entry);
    }
  });
}
