import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.js';
import type { ServerContext } from '../server-context.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `GET /v1/models` lists every name a caller can put in `model`: `provider/model` for each configured
 * (or demo) provider, the config's routes, and `auto`. `GET /v1/models/{id}` returns one (ids contain
 * slashes, hence the wildcard).
 */
export function registerOpenAIModels(app: FastifyInstance, context: ServerContext): void {
  const created = Math.floor(Date.now() / 1000);
  const toOpenAIModel = (model: { id: string; ownedBy: string }) => ({
    id: model.id,
    object: 'model',
    created,
    owned_by: model.ownedBy,
  });

  app.get('/v1/models', async (_request, reply) => {
    reply.send({ object: 'list', data: context.gateway.listModels().map(toOpenAIModel) });
  });

  app.get(
    '/v1/models/*',
    async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
      const id = decodeURIComponent(request.params['*']);
      const model = context.gateway.listModels().find((candidate) => candidate.id === id);
      if (model) return reply.send(toOpenAIModel(model));
      sendOpenAIError(
        reply,
        new ApiError(
          404,
          'invalid_request_error',
          `The model "${id}" does not exist on this gateway; GET /v1/models lists them all.`,
          {
            code: 'model_not_found',
            param: 'model',
          },
        ),
        request.id,
      );
    },
  );
}
