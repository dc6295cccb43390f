import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { runWithConcurrency } from '../../lib/run-with-concurrency.js';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { ChatServiceContext } from '../chat-service/chat-service-context.js';
import { batchLimits } from '../chat-service/chat-service-request-schema.js';
import { parseChatBatchRequest } from '../chat-service/parse-chat-service-request.js';
import { runChatBatchItem, type ChatBatchItemResult } from '../chat-service/run-chat-batch-item.js';
import { renderChatServiceEvent } from '../chat-service/stream-chat-service.js';
import { createSSEWriter } from '../create-sse-writer.js';
import { logRequest } from '../request-log.js';
import { sendOpenAIError } from './openai-chat-completions.js';

/**
 * `POST /chat/batch`: `{requests: [...], concurrency?, stream?}`, each request a `/chat` body. Items run
 * at most `concurrency` at a time (default 4, at most 16; at most 100 items), and the answer lists each
 * item's result or error in the order given; a failing item never fails the batch. With `stream: true`
 * the answer is SSE: a `progress` event as each item finishes, then `done` with the same body.
 */
export function registerChatServiceBatch(app: FastifyInstance, context: ChatServiceContext): void {
  app.post('/chat/batch', async (request: FastifyRequest, reply: FastifyReply) => {
    const startedAt = performance.now();
    const entry = { requestId: request.id, method: 'POST', path: request.url, status: 200, durationInMs: 0 };
    try {
      const batch = parseChatBatchRequest(request.body);
      const controller = context.inFlight.track(reply);
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort(new CallerCancelledError());
      });
      const total = batch.requests.length;
      const writer = batch.stream === true ? startEventStream(reply, request.id) : undefined;
      const results: ChatBatchItemResult[] = [];
      let completed = 0;
      let succeeded = 0;
      await runWithConcurrency(total, batch.concurrency ?? batchLimits.defaultConcurrency, async (index) => {
        const item = { request, signal: controller.signal };
        const result = controller.signal.aborted
          ? notStarted(index, context)
          : await runChatBatchItem(batch.requests[index], index, item, context);
        results[index] = result;
        completed++;
        if (result.status === 'ok') succeeded++;
        const failed = completed - succeeded;
        const progress = { index, status: result.status, completed, total, succeeded, failed };
        await writer?.write(renderChatServiceEvent('progress', progress));
      });
      const body = {
        batch_id: request.id,
        total,
        succeeded,
        failed: total - succeeded,
        processing_time: Math.round(performance.now() - startedAt) / 1000,
        results,
      };
      if (writer) writer.end(renderChatServiceEvent('done', body));
      else
        reply
          .code(200)
          .header('x-request-id', request.id)
          .type('application/json')
          .send(JSON.stringify(body));
    } catch (error) {
      const apiError = context.toApiError(error);
      Object.assign(entry, { status: apiError.status, errorCode: apiError.code });
      sendOpenAIError(reply, apiError, request.id);
    } finally {
      entry.durationInMs = Math.round(performance.now() - startedAt);
      logRequest(context.logger, entry);
    }
  });
}

function startEventStream(reply: FastifyReply, requestId: string) {
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': requestId,
    'x-arbiter-request-id': requestId,
  });
  return createSSEWriter(reply.raw);
}

/**
 * An item not started before the batch was cancelled (the caller left, or the shutdown deadline came):
 * sent nowhere, so it is not in the usage log either.
 */
function notStarted(index: number, context: ChatServiceContext): ChatBatchItemResult {
  const { status, message, type, code, param } = context.toApiError(new CallerCancelledError());
  return { index, status: 'error', error: { status, message, type, code, param } };
}
