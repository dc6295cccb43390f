import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.js';
import type { ServerContext } from '../server-context.js';
import { resolveTargets } from '../auth/admit-request.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `GET /v1/models` lists every name a caller can put in `model`: `provider/model` for each configured
 * (or demo) provider, the config's routes, and `auto`. `GET /v1/models/{id}` returns one (ids contain
 * slashes, hence the wildcard). A caller with a gateway key sees only what its plan or key allows.
 */
export function registerOpenAIModels(app: FastifyInstance, context: ServerContext): void {
  const created = Math.floor(Date.now() / 1000);
  const toOpenAIModel = (model: { id: string; ownedBy: string }) => ({
    id: model.id,
    object: 'model',
    created,
    owned_by: model.ownedBy,
  });

  const listModels = (request: FastifyRequest) => {
    const { gateway } = context;
    const principal = request.principal;
    const models = gateway.listModels();
    if (!principal) return models;
    return models.filter((model) =>
      gateway.tenancy.isRouteAllowed(principal, {
        name: model.id,
        targets: resolveTargets(gateway, model.id) ?? [],
      }),
    );
  };

  app.get('/v1/models', async (request, reply) => {
    reply.send({ object: 'list', data: listModels(request).map(toOpenAIModel) });
  });

  app.get(
    '/v1/models/*',
    async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
      const id = decodeURIComponent(request.params['*']);
      const model = listModels(request).find((candidate) => candidate.id === id);
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
