import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /health`: the process is up. `GET /ready`: it can serve, with what it serves through, so a load
 * balancer or an operator can tell a demo-mode instance from a real one.
 */
export function registerHealth(app: FastifyInstance, context: ServerContext): void {
  const startedAt = Date.now();
  app.get('/health', async (_request, reply) => {
    reply.send({ status: 'ok', uptimeInSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });
  app.get('/ready', async (_request, reply) => {
    const { config, providerNames: providers } = context.gateway;
    reply.code(providers.length > 0 ? 200 : 503).send({
      status: providers.length > 0 ? 'ready' : 'no providers configured',
      mode: config.isDemo ? 'demo (simulated providers, not real models)' : 'live',
      providers,
    });
  });
}
