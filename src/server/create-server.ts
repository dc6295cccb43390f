import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Gateway } from '../gateway.js';
import { createId } from '../lib/create-id.js';
import { ApiError } from './api-error.js';
import { convertToApiError } from './convert-to-api-error.js';
import { renderOpenAIError } from './openai-wire/render-openai-error.js';
import { parseJSONBody } from './parse-json-body.js';
import { sendAnthropicError } from './anthropic-wire/send-anthropic-error.js';
import { registerAnthropicMessages } from './routes/anthropic-messages.js';
import { registerHealth } from './routes/health.js';
import { registerOpenAIChatCompletions } from './routes/openai-chat-completions.js';
import { registerOpenAIEmbeddings } from './routes/openai-embeddings.js';
import { registerOpenAIModels } from './routes/openai-models.js';
import { registerOpenAIResponses } from './routes/openai-responses.js';
import { registerChatService } from './chat-service/register-chat-service.js';
import { registerCompete } from './routes/compete.js';
import { registerDashboard } from './routes/dashboard.js';
import { registerMetrics } from './routes/metrics.js';
import { createInFlightRequests, type InFlightRequests } from './in-flight-requests.js';
import type { ServerContext } from './server-context.js';
import { registerTenancy } from './auth/register-tenancy.js';
import { registerAdminProviderKeys } from './routes/admin-provider-keys.js';
import { registerAdminOverview } from './routes/admin-overview.js';
import { registerAdminProviders } from './routes/admin-providers.js';
import { registerAdminUsageKeys } from './routes/admin-usage-keys.js';
import { registerAdminArena } from './routes/admin-arena.js';

export interface CreateServerOptions {
  gateway: Gateway;
  logger: Logger;
  /** Pass one to drain the server at shutdown (see closeServerGracefully); by default the server's own. */
  inFlight?: InFlightRequests;
}

/**
 * The HTTP server: Fastify on Node's own http (no Web-object adapter per request), one JSON body parser
 * for every content type, and every error in the OpenAI format. Use `inject()` in tests, `listen()` to serve.
 */
export function createServer(options: CreateServerOptions): FastifyInstance {
  const { gateway, logger } = options;
  const bodyLimit = gateway.config.server.bodyLimitInBytes;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Fastify's own request lines would double ours: each request is logged once, with its attempts.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    genReqId: () => createId('req_', 20),
    requestIdHeader: false,
    return503OnClosing: true,
    keepAliveTimeout: 72_000,
  });
  const inFlight = options.inFlight ?? createInFlightRequests();
  const context: ServerContext = {
    gateway,
    logger,
    inFlight,
    toApiError: (error) =>
      inFlight.toShutdownError(error) ??
      convertToApiError(error, { redact: gateway.redact, suggestFixes: gateway.suggestFixes }, bodyLimit),
  };

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJSONBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const apiError = context.toApiError(error);
    if (apiError.code === 'internal_error')
      logger.error({ err: error, reqId: request.id }, 'unexpected error');
    // Callers of the Anthropic API get Anthropic's envelope even for errors found before any route ran.
    if (request.url.startsWith('/v1/messages')) return sendAnthropicError(reply, apiError, request.id);
    reply
      .code(apiError.status)
      .headers({ ...apiError.headers, 'x-request-id': request.id })
      .type('application/json')
      .send(renderOpenAIError(apiError));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError(
      404,
      'invalid_request_error',
      `Unknown request URL: ${request.method} ${request.url.split('?')[0]}.`,
      { code: 'unknown_url' },
    );
    reply.code(404).type('application/json').send(renderOpenAIError(error));
  });

  // First: its hooks cover every route registered after it, and it lists them for the auth test.
  registerTenancy(app, context);
  registerAdminProviderKeys(app, context);
  registerAdminOverview(app, context);
  registerAdminProviders(app, context);
  registerAdminUsageKeys(app, context);
  registerAdminArena(app, context);
  registerHealth(app, context);
  registerOpenAIChatCompletions(app, context);
  registerOpenAIModels(app, context);
  registerOpenAIEmbeddings(app, context);
  registerOpenAIResponses(app, context);
  registerAnthropicMessages(app, context);
  registerChatService(app, context);
  registerCompete(app, context);
  registerDashboard(app);
  registerMetrics(app, context);
  return app;
}
