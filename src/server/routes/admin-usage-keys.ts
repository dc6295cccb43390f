import type { FastifyInstance } from 'fastify';
import { describeKeyUsage } from '../admin/describe-key-usage.js';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /admin/usage/keys`: the dashboard's key table — each gateway key's limits, what it used in its
 * current windows and when they reset, and its last 30 days from the usage log (written first, so a
 * request that just ended is counted). Ids and prefixes only, never a key.
 */
export function registerAdminUsageKeys(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;

  app.get('/admin/usage/keys', async (_request, reply) => {
    await gateway.usage.flush();
    reply.send(await describeKeyUsage(gateway.tenancy, gateway.stores.usage, Date.now()));
  });
}
