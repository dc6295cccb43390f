import type { FastifyInstance } from 'fastify';
import { createGatewayMetrics } from '../metrics/create-gateway-metrics.js';
import { createClusterMetricsReader } from '../metrics/read-cluster-metrics.js';
import { describeTargetGauges } from '../metrics/describe-target-gauges.js';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /metrics`: Prometheus text exposition of the gateway's metrics (see create-gateway-metrics.ts).
 * The usage recorder is flushed first, so a scrape sees every request finished before it; guarded by the
 * admin key once gateway keys exist (route-access.ts: an operations route).
 */
export function registerMetrics(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;
  const metrics = createGatewayMetrics({
    targets: () => describeTargetGauges(gateway.health, Date.now()),
    learnedScores: () =>
      gateway.learning.report().map((row) => ({
        targetId: row.targetId,
        route: row.route,
        score: row.score,
        terms: { ...row.terms },
      })),
  });
  const unsubscribe = gateway.onUsageRecords(metrics.observe);
  // Under `arbiter serve` with several workers, the whole process group (read-cluster-metrics.ts).
  const readMetrics = createClusterMetricsReader(metrics.registry);
  app.addHook('onClose', async () => unsubscribe());

  app.get('/metrics', async (_request, reply) => {
    await gateway.usage.flush();
    reply.type(metrics.registry.contentType).send(await readMetrics());
  });
}
