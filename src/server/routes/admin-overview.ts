import type { FastifyInstance } from 'fastify';
import { buildOverview } from '../admin/build-overview.js';
import { parseOverviewQuery } from '../admin/parse-overview-query.js';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /admin/overview?window=1h|24h|7d|30d`: the dashboard's traffic chart from the usage log — totals
 * (requests, errors, success rate, p50/p99 latency, cost, tokens) and per provider one point per bucket
 * (1 min, 15 min, 2 h, 12 h). One GROUP BY over the window's range of the time index; what the recorder
 * still holds is written first, so a request that just ended is counted.
 */
export function registerAdminOverview(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;

  app.get('/admin/overview', async (request, reply) => {
    const range = parseOverviewQuery(request.query, Date.now());
    await gateway.usage.flush();
    const rows = await gateway.stores.usage.timeseries(range);
    reply.send(buildOverview(rows, range, gateway.providerNames));
  });
}
