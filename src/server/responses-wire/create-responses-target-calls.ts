import type { Target } from '../../routing/target.js';
import type { ChatMessage, ChatRequest } from '../../spec/chat-request.js';
import type { NativeResponse } from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { StoredResponse } from '../../store/response-store.js';
import { ApiError } from '../api-error.js';
import type { SSEEvent } from '../sse-event.js';
import { annotateResponsesEvents } from './annotate-responses-events.js';
import { buildResponsesResponse } from './build-responses-response.js';
import { convertChatResponseToOutput, getResponseStatus } from './convert-chat-response-to-responses.js';
import { convertChatStreamToResponses } from './convert-chat-stream-to-responses.js';
import { convertResponsesInputToChat } from './convert-responses-input-to-chat.js';
import { convertResponsesRequestToChat } from './convert-responses-request-to-chat.js';
import type { ResponsesRequest } from './responses-request-schema.js';

export interface ResponsesCallOptions {
  request: ResponsesRequest;
  rawBody: Record<string, unknown>;
  previous?: StoredResponse;
  id: string;
  createdAt: number;
  /** Receives the final Response object and whether OpenAI itself produced it. */
  onEnd: (response: Record<string, unknown>, isNative: boolean) => void;
}

/**
 * How one target answers a Responses request: OpenAI through its own Responses API with the caller's
 * body (unless the conversation continues a response OpenAI does not have), every other target through
 * chat, translated both ways. A request only OpenAI can serve fails the other targets as bad requests,
 * so a later OpenAI target still gets its chance.
 */
export function createResponsesTargetCalls(options: ResponsesCallOptions) {
  const { request, previous } = options;
  let chat: ChatRequest | undefined;
  const toChat = (target: Target): ChatRequest => {
    try {
      if (previous && !previous.conversation) {
        throw new ApiError(
          400,
          'invalid_request_error',
          `The previous response ${previous.id} holds items only OpenAI can continue; route this request to an openai/ model.`,
          { code: 'unsupported_input_item' },
        );
      }
      return (chat ??= convertResponsesRequestToChat(request, [
        ...(previous?.conversation ?? []),
        ...convertResponsesInputToChat(request.input as never),
      ]));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ProviderError({
        kind: 'bad-request',
        provider: target.provider,
        status: 400,
        message: error.message,
        code: error.code ?? undefined,
        param: error.param ?? undefined,
      });
    }
  };
  const canPassThrough = (target: Target) =>
    target.adapter.openaiResponses !== undefined && (!previous || previous.isNative);
  const nativeCall = (target: Target, signal: AbortSignal) => ({
    body: options.rawBody,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
    headers: target.headers,
  });
  const chatCall = (body: ChatRequest, target: Target, signal: AbortSignal) => ({
    request: body,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
    headers: target.headers,
  });

  return {
    async create(target: Target, signal: AbortSignal): Promise<NativeResponse> {
      if (canPassThrough(target)) {
        const native = await target.adapter.openaiResponses!.create(nativeCall(target, signal));
        options.onEnd(native.body, true);
        return native;
      }
      const response = await target.adapter.chat(chatCall(toChat(target), target, signal));
      const body = buildResponsesResponse(request, {
        id: options.id,
        createdAt: options.createdAt,
        model: response.model,
        output: convertChatResponseToOutput(response),
        usage: response.usage,
        ...getResponseStatus(response.choices[0]?.finish_reason),
      });
      options.onEnd(body, false);
      return { body, usage: response.usage };
    },
    async stream(target: Target, signal: AbortSignal): Promise<AsyncIterable<SSEEvent>> {
      if (canPassThrough(target)) {
        const events = await target.adapter.openaiResponses!.stream(nativeCall(target, signal));
        return annotateResponsesEvents(events, target.provider, (response) => options.onEnd(response, true));
      }
      const parts = await target.adapter.chatStream(
        chatCall(
          { ...toChat(target), stream: true, stream_options: { include_usage: true } },
          target,
          signal,
        ),
      );
      return convertChatStreamToResponses(parts, {
        request,
        id: options.id,
        createdAt: options.createdAt,
        fallbackModel: target.model,
        onEnd: (response) => options.onEnd(response, false),
      });
    },
  };
}

/** The conversation to store for a follow-up: what was sent (without instructions) and what came back. */
export function getStoredConversation(
  options: Pick<ResponsesCallOptions, 'request' | 'previous'>,
  output: ChatMessage[] | undefined,
): ChatMessage[] | undefined {
  if (output === undefined || (options.previous && !options.previous.conversation)) return undefined;
  try {
    return [
      ...(options.previous?.conversation ?? []),
      ...convertResponsesInputToChat(options.request.input as never),
      ...output,
    ];
  } catch {
    return undefined;
  }
}
