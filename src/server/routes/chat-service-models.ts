import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.js';
import type { ChatServiceContext } from '../chat-service/chat-service-context.js';
import type { ModelStatus } from '../chat-service/create-model-status-tracker.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `GET /models`: every `provider/model` the gateway can route to (configured, or seen in traffic), each
 * with its live status from recent attempts (`online`, `degraded`, `offline`), plus the route names.
 * `GET /models/{model}/status`: one of them; `{model}` is anything `model` may be (`groq/llama-3.1-8b-instant`,
 * `auto`, a route), slashes and all, and a route answers with its first target's status and every target's.
 * `GET /models` also says which providers are configured, where `auto` goes and whether it falls back
 * (for `arbiter providers` and `/llm stats`); names only, nothing secret.
 */
export function registerChatServiceModels(app: FastifyInstance, context: ChatServiceContext): void {
  const { gateway, modelStatus } = context;
  const providers = new Set(gateway.providerNames);

  app.get('/models', async (_request, reply) => {
    const models = new Map<string, ModelStatus>();
    const routes: string[] = [];
    for (const { id } of gateway.listModels()) {
      const slash = id.indexOf('/');
      if (slash > 0 && providers.has(id.slice(0, slash)))
        models.set(id, modelStatus.get(id.slice(0, slash), id.slice(slash + 1)));
      else routes.push(id);
    }
    for (const { provider, model } of modelStatus.seen())
      if (!models.has(`${provider}/${model}`))
        models.set(`${provider}/${model}`, modelStatus.get(provider, model));
    reply.send({ models: [...models.values()], routes, ...describeAutoRoute(gateway) });
  });

  app.get('/models/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const path = decodeURIComponent(request.params['*']);
    if (!path.endsWith('/status')) {
      const message = `Unknown request URL: GET ${request.url.split('?')[0]}; use /models/{model}/status.`;
      return sendOpenAIError(
        reply,
        new ApiError(404, 'invalid_request_error', message, { code: 'unknown_url' }),
        request.id,
      );
    }
    const name = path.slice(0, -'/status'.length);
    const slash = name.indexOf('/');
    if (slash > 0 && providers.has(name.slice(0, slash)))
      return reply.send(modelStatus.get(name.slice(0, slash), name.slice(slash + 1)));
    try {
      const targets = new Map<string, ModelStatus>();
      for (const target of gateway.resolve(name).targets)
        targets.set(`${target.provider}/${target.model}`, modelStatus.get(target.provider, target.model));
      const [first] = targets.values();
      if (!first)
        throw new ApiError(404, 'invalid_request_error', `The route "${name}" has no target.`, {
          code: 'model_not_found',
          param: 'model',
        });
      reply.send({ ...first, route: name, targets: [...targets.values()] });
    } catch (error) {
      sendOpenAIError(reply, context.toApiError(error), request.id);
    }
  });
}

/** The configured providers, `auto`'s first provider and the providers it falls back on, in order. */
function describeAutoRoute(gateway: ChatServiceContext['gateway']) {
  let order: string[] = [];
  try {
    order = [...new Set(gateway.resolve('auto').targets.map((target) => target.provider))];
  } catch {
    // No provider at all (demo mode off, no key): `auto` has nowhere to go, which the empty lists say.
  }
  return {
    providers: gateway.providerNames,
    default_provider: order[0] ?? null,
    auto_fallback: gateway.config.routing.isAutoFallbackEnabled,
    fallback_order: order,
    demo: gateway.config.isDemo,
  };
}
