import type { FastifyInstance } from 'fastify';
import { createId } from '../../lib/create-id.js';
import type { FeedbackRecord } from '../../store/feedback-store.js';
import type { AttemptSummary, UsageRecord } from '../../store/usage-store.js';
import { ApiError } from '../api-error.js';
import { parseFeedbackRequest } from '../chat-service/parse-feedback-request.js';
import type { ServerContext } from '../server-context.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `POST /feedback` — `{request_id, score | thumbs, comment?}`: a user's verdict on an answer. The request
 * is looked up in the usage log (written first, so a request that just ended is found); the score becomes
 * a `user` quality signal for the target that answered, on the route the request named, and the feedback
 * (with its comment, secrets redacted) is stored. Rating the same request again replaces the earlier
 * score in what is learned (both stay stored), so changing a vote does not count twice.
 *
 * `GET /feedback?request_id=…` lists one request's feedback, oldest first; `GET /feedback?limit=N` the
 * newest N (default 20, at most 200).
 */
export function registerFeedback(app: FastifyInstance, context: ServerContext): void {
  const { gateway } = context;

  app.post('/feedback', async (request, reply) => {
    try {
      const feedback = parseFeedbackRequest(request.body);
      await gateway.usage.flush();
      const record = await gateway.stores.usage.get(feedback.requestId);
      if (!record) {
        throw new ApiError(
          404,
          'invalid_request_error',
          `No request '${feedback.requestId}' in the usage log (the id is the 'x-request-id' header of the answer).`,
          { code: 'request_not_found', param: 'request_id' },
        );
      }
      const answered = getAnsweringAttempt(record);
      if (!answered) {
        throw new ApiError(
          409,
          'invalid_request_error',
          `Request '${feedback.requestId}' was not answered by any target, so there is nothing to rate.`,
          { code: 'request_not_answered', param: 'request_id' },
        );
      }
      const earlier = (await gateway.stores.feedback.listByRequest(record.requestId)).at(-1);
      await gateway.stores.feedback.append({
        id: createId('fb_', 20),
        requestId: record.requestId,
        targetId: answered.targetId,
        route: record.route,
        score: feedback.score,
        ...(feedback.thumbs === undefined ? {} : { thumbs: feedback.thumbs }),
        ...(feedback.comment === undefined ? {} : { comment: gateway.redact(feedback.comment) }),
        ...(record.keyId === undefined ? {} : { keyId: record.keyId }),
        createdAt: Date.now(),
      });
      if (earlier) {
        gateway.learning.withdrawQuality(
          earlier.targetId,
          earlier.route,
          earlier.score,
          'user',
          earlier.createdAt,
        );
      }
      gateway.learning.recordQuality(answered.targetId, record.route, feedback.score, 'user');
      reply.send({
        request_id: record.requestId,
        target: answered.targetId,
        score: feedback.score,
        recorded: true,
      });
    } catch (error) {
      const apiError = context.toApiError(error);
      if (apiError.code === 'internal_error')
        context.logger.error({ err: error, reqId: request.id }, 'unexpected error');
      sendOpenAIError(reply, apiError, request.id);
    }
  });

  app.get('/feedback', async (request, reply) => {
    try {
      const { requestId, limit } = parseFeedbackListQuery(request.query);
      const records = requestId
        ? await gateway.stores.feedback.listByRequest(requestId)
        : await gateway.stores.feedback.listRecent(limit);
      reply.send({ data: records.map(convertFeedbackRecord) });
    } catch (error) {
      const apiError = context.toApiError(error);
      if (apiError.code === 'internal_error')
        context.logger.error({ err: error, reqId: request.id }, 'unexpected error');
      sendOpenAIError(reply, apiError, request.id);
    }
  });
}

function parseFeedbackListQuery(query: unknown): { requestId?: string; limit: number } {
  const { request_id: requestId, limit, ...rest } = (query ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  const invalid = (message: string, param: string) =>
    new ApiError(400, 'invalid_request_error', message, { code: 'invalid_value', param });
  if (unknown !== undefined) throw invalid(`Unknown query parameter: '${unknown}'.`, unknown);
  if (requestId !== undefined && (typeof requestId !== 'string' || requestId === ''))
    throw invalid("Invalid 'request_id': give one request id.", 'request_id');
  if (
    limit !== undefined &&
    (typeof limit !== 'string' || !/^\d+$/.test(limit) || !(Number(limit) >= 1 && Number(limit) <= 200))
  )
    throw invalid("Invalid 'limit': give 1 to 200.", 'limit');
  return { requestId: requestId as string | undefined, limit: limit === undefined ? 20 : Number(limit) };
}

function convertFeedbackRecord(record: FeedbackRecord): Record<string, unknown> {
  return {
    id: record.id,
    request_id: record.requestId,
    target: record.targetId,
    route: record.route,
    score: record.score,
    thumbs: record.thumbs ?? null,
    comment: record.comment ?? null,
    key_id: record.keyId ?? null,
    created_at: new Date(record.createdAt).toISOString(),
  };
}

/**
 * The attempt whose answer the caller got: the successful one that the record names (a stream continued
 * after a failure has several; the record names the last), else the last successful one.
 */
function getAnsweringAttempt(record: UsageRecord): AttemptSummary | undefined {
  const successes = record.attempts.filter((attempt) => attempt.isSuccess);
  return (
    successes.findLast((attempt) => attempt.provider === record.provider && attempt.model === record.model) ??
    successes.at(-1)
  );
}
