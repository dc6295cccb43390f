import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /health`: the process is up. `GET /ready`: it can serve, with what it serves through, so a load
 * balancer or an operator can tell a demo-mode instance from a real one. With Redis (`REDIS_URL`) both
 * say whether it is reachable and which fail modes apply (`{"redis": {"status": "down", "limits":
 * "fail-closed", "cache": "fail-open"}}`); `/ready` answers 503 while Redis is down and limits fail
 * closed, so a load balancer sends traffic to instances that can admit it.
 */
export function registerHealth(app: FastifyInstance, context: ServerContext): void {
  const startedAt = Date.now();
  app.get('/health', async (_request, reply) => {
    const redis = context.gateway.getRedisStatus();
    reply.send({
      status: 'ok',
      uptimeInSeconds: Math.round((Date.now() - startedAt) / 1000),
      ...(redis ? { redis } : {}),
    });
  });
  app.get('/ready', async (_request, reply) => {
    const { config, providerNames: providers } = context.gateway;
    const redis = context.gateway.getRedisStatus();
    const isRefusing = redis?.status === 'down' && redis.limits === 'fail-closed';
    const status =
      providers.length === 0
        ? 'no providers configured'
        : isRefusing
          ? 'Redis is unreachable: requests that need a limit check are refused (LIMITS_FAIL_MODE=closed)'
          : 'ready';
    reply.code(status === 'ready' ? 200 : 503).send({
      status,
      mode: config.isDemo ? 'demo (simulated providers, not real models)' : 'live',
      providers,
      ...(redis ? { redis } : {}),
    });
  });
}
