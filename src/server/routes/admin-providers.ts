import type { FastifyInstance } from 'fastify';
import { describeProviders } from '../admin/describe-providers.js';
import { createModelStatusTracker } from '../chat-service/create-model-status-tracker.js';
import type { ServerContext } from '../server-context.js';

/**
 * `GET /admin/providers`: the dashboard's provider cards — per provider its live status, per model its
 * circuit breaker, attempts in flight, recent successes and failures, latency and TTFT (summaries and
 * histograms) and learned score, and per key its health, by id only. The status comes from a tracker of
 * its own, fed by the same outcomes as the one behind `GET /models/{model}/status` since the server
 * started, so both say the same.
 */
export function registerAdminProviders(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;
  const modelStatus = createModelStatusTracker();
  const unsubscribe = gateway.onOutcome((outcome) => modelStatus.observe(outcome));
  app.addHook('onClose', async () => unsubscribe());

  app.get('/admin/providers', async (_request, reply) => {
    reply.send(describeProviders(gateway, modelStatus, Date.now()));
  });
}
