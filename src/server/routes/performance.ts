import type { FastifyInstance } from 'fastify';
import { convertTargetPerformance, summarizeProviders } from '../chat-service/convert-performance-to-json.js';
import { parsePerformanceQuery } from '../chat-service/parse-performance-query.js';
import type { ServerContext } from '../server-context.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `GET /performance`: what the gateway has learned, per target (provider, model, key): requests,
 * success rate, average (decayed) and p95 latency and time to first token, tokens, cost, quality, the
 * learned score with its four terms (posterior means: what the selector's draws centre on), and
 * competition wins; then per-provider totals, as the original brief's endpoint had. With `route`, rows
 * are that route's targets as its selector sees them (the route's own evidence, the target's elsewhere
 * discounted); without it, every target seen, target-wide, scored against each other.
 */
export function registerPerformance(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;

  app.get('/performance', async (request, reply) => {
    try {
      const query = parsePerformanceQuery(request.query, gateway.providerNames);
      const targetIds = query.route
        ? [...new Set(gateway.resolve(query.route).targets.map((target) => target.id))]
        : undefined;
      const rows = gateway.learning
        .report({ route: query.route, targetIds, isStream: query.isStream })
        .filter(
          (row) =>
            (query.provider === undefined || row.provider === query.provider) &&
            (query.model === undefined || row.model === query.model),
        )
        .sort((left, right) => right.score - left.score || left.targetId.localeCompare(right.targetId));
      const { weights, halfLifeInMs } = gateway.learning;
      reply.send({
        route: query.route ?? null,
        is_stream: query.isStream,
        filters: { provider: query.provider ?? null, model: query.model ?? null },
        // Rounded: weights normalised twice (config, learning) carry float noise in the last digit.
        weights: Object.fromEntries(
          Object.entries(weights).map(([term, weight]) => [term, Number(weight.toFixed(6))]),
        ),
        half_life_minutes: halfLifeInMs / 60_000,
        targets: rows.map(convertTargetPerformance),
        providers: summarizeProviders(rows),
      });
    } catch (error) {
      const apiError = context.toApiError(error);
      if (apiError.code === 'internal_error')
        context.logger.error({ err: error, reqId: request.id }, 'unexpected error');
      sendOpenAIError(reply, apiError, request.id);
    }
  });
}
