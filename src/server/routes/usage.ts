import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.js';
import type { ChatServiceContext } from '../chat-service/chat-service-context.js';
import {
  convertUsageAggregate,
  convertUsageRecord,
  sumUsageAggregates,
} from '../chat-service/convert-usage-to-json.js';
import { parseUsageQuery } from '../chat-service/parse-usage-query.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * The usage log: `GET /usage` (totals, and groups by key, model, provider and UTC day, with filters),
 * `GET /usage/requests` (one record per request, newest first, in keyset-paged pages: pass `next_cursor`
 * back as `cursor`) and `GET /usage/requests/{request_id}`. Each first writes what the recorder still
 * holds, so a request that just ended is already counted.
 */
export function registerUsage(app: FastifyInstance, context: ChatServiceContext): void {
  const { gateway } = context;
  const store = gateway.stores.usage;

  app.get('/usage', async (request, reply) => {
    await handle(request, reply, async () => {
      const { groupBy, filter } = parseUsageQuery(request.query, gateway.providerNames);
      await gateway.usage.flush();
      const groups = await Promise.all(groupBy.map((by) => store.aggregate(by, filter)));
      const totals = groupBy.includes('provider')
        ? groups[groupBy.indexOf('provider')]!
        : await store.aggregate('provider', filter);
      const body: Record<string, unknown> = {
        from: filter.from === undefined ? null : new Date(filter.from).toISOString(),
        to: filter.to === undefined ? null : new Date(filter.to).toISOString(),
        filters: {
          key_id: filter.keyId ?? null,
          provider: filter.provider ?? null,
          model: filter.model ?? null,
        },
        totals: sumUsageAggregates(totals),
      };
      groupBy.forEach((by, index) => {
        body[`by_${by}`] = groups[index]!.map((aggregate) => convertUsageAggregate(by, aggregate));
      });
      return body;
    });
  });

  app.get('/usage/requests', async (request, reply) => {
    await handle(request, reply, async () => {
      const { filter, limit, cursor } = parseUsageQuery(request.query, gateway.providerNames);
      await gateway.usage.flush();
      const page = await store.list({ ...filter, limit, cursor }).catch((error: unknown) => {
        if (!(error instanceof RangeError)) throw error;
        throw new ApiError(400, 'invalid_request_error', `Invalid 'cursor': ${error.message}`, {
          code: 'invalid_cursor',
          param: 'cursor',
        });
      });
      return {
        data: page.records.map((record) => convertUsageRecord(record, gateway.getModelInfo)),
        next_cursor: page.nextCursor ?? null,
        has_more: page.nextCursor !== undefined,
      };
    });
  });

  app.get('/usage/requests/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    await handle(request, reply, async () => {
      await gateway.usage.flush();
      const record = await store.get(request.params.id);
      if (!record) {
        throw new ApiError(
          404,
          'invalid_request_error',
          `No usage record for request '${request.params.id}'.`,
          {
            code: 'usage_record_not_found',
            param: 'request_id',
          },
        );
      }
      return convertUsageRecord(record, gateway.getModelInfo);
    });
  });

  async function handle(request: FastifyRequest, reply: FastifyReply, answer: () => Promise<unknown>) {
    try {
      reply.send(await answer());
    } catch (error) {
      const apiError = context.toApiError(error);
      if (apiError.code === 'internal_error')
        context.logger.error({ err: error, reqId: request.id }, 'unexpected error');
      sendOpenAIError(reply, apiError, request.id);
    }
  }
}
