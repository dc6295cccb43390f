import type { FastifyRequest } from 'fastify';
import { applyGuardrails } from '../apply-guardrails.js';
import { ApiError } from '../api-error.js';
import { recordRequest, type RequestRecord } from '../record-request.js';
import { readCacheDirective } from '../read-cache-directive.js';
import type { ChatServiceResponse } from './build-chat-service-response.js';
import type { ChatServiceContext } from './chat-service-context.js';
import { parseChatServiceRequest } from './parse-chat-service-request.js';
import { runChatServiceChat } from './run-chat-service-chat.js';

/** One item's outcome in a `/chat/batch` answer, at its index. */
export type ChatBatchItemResult =
  | { index: number; status: 'ok'; response: ChatServiceResponse }
  | {
      index: number;
      status: 'error';
      error: { status: number; message: string; type: string; code: string | null; param: string | null };
    };

/**
 * One batch item, run like a `/chat` request of its own (request id `<batch id>_<index>`, its own log
 * line and usage record). Whatever goes wrong, a bad item included, becomes that item's error result:
 * it never rejects, so one item never fails the batch.
 */
export async function runChatBatchItem(
  item: unknown,
  index: number,
  batch: { request: FastifyRequest; signal: AbortSignal },
  context: ChatServiceContext,
): Promise<ChatBatchItemResult> {
  const startedAt = performance.now();
  const requestId = `${batch.request.id}_${index}`;
  const entry: RequestRecord = {
    requestId,
    method: 'POST',
    path: batch.request.url,
    endpoint: '/chat/batch',
    status: 200,
    isStream: false,
    durationInMs: 0,
    requestBody: item,
  };
  try {
    const cache = readCacheDirective(item, batch.request.headers, batch.request.principal?.keyId);
    const body = parseChatServiceRequest(item);
    applyGuardrails(context, batch.request, undefined, entry, { format: 'chat-service', body });
    if (body.stream === true) {
      throw new ApiError(
        400,
        'invalid_request_error',
        "'stream' cannot be set on one item of a batch; set it on the batch to receive progress events.",
        { code: 'invalid_value', param: 'stream' },
      );
    }
    const { response } = await runChatServiceChat(
      body,
      { requestId, signal: batch.signal, startedAt, cache, plan: batch.request.principal?.plan },
      context,
      entry,
    );
    return { index, status: 'ok', response };
  } catch (error) {
    const apiError = context.toApiError(error);
    Object.assign(entry, { status: apiError.status, errorCode: apiError.code });
    if (apiError.code === 'internal_error')
      context.logger.error({ err: error, reqId: requestId }, 'unexpected error');
    const { status, message, type, code, param } = apiError;
    return { index, status: 'error', error: { status, message, type, code, param } };
  } finally {
    entry.durationInMs = Math.round(performance.now() - startedAt);
    recordRequest(context, batch.request, entry);
  }
}
