import type { CacheDirective } from '../../cache/cache-directive.js';
import { AllAttemptsFailedError } from '../../routing/all-attempts-failed-error.js';
import type { RouteResult } from '../../gateway.js';
import { getArbiterHeaders } from '../arbiter-headers.js';
import type { RequestRecord } from '../record-request.js';
import { buildChatServiceResponse, type ChatServiceResponse } from './build-chat-service-response.js';
import type { ChatServiceContext } from './chat-service-context.js';
import type { ParsedChatServiceRequest } from './parse-chat-service-request.js';
import { prepareChatServiceRequest, type PreparedChat } from './prepare-chat-service-request.js';

/** One chat-service call's identity: its request id, the signal its upstream calls run under, its start. */
export interface ChatServiceCall {
  requestId: string;
  signal: AbortSignal;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** What the response cache may do (see readCacheDirective). */
  cache?: CacheDirective;
  /** The caller's plan, for selector rules by plan. */
  plan?: string;
}

/**
 * One non-streamed `/chat` turn (also each `/chat/batch` item): prepares the request, runs it through its
 * route, saves the turn to the conversation after the answer, and fills `entry` for the log line and
 * the usage record. Throws what the route threw, with the attempts already in `entry`.
 */
export async function runChatServiceChat(
  body: ParsedChatServiceRequest,
  call: ChatServiceCall,
  context: ChatServiceContext,
  entry: RequestRecord,
): Promise<{ response: ChatServiceResponse; headers: Record<string, string> }> {
  const { gateway } = context;
  const prepared = await prepareChatServiceRequest(body, gateway, context.history);
  const { conversationId, chatRequest } = prepared;
  Object.assign(entry, { route: chatRequest.model, conversationId, chatRequest });
  const result = await runRoute(entry, () =>
    gateway.chat(prepared.chatRequest, {
      requestId: call.requestId,
      signal: call.signal,
      cache: call.cache,
      plan: call.plan,
    }),
  );
  const isCacheHit = result.cache === 'hit';
  // A hit used no tokens: its request counts against the key's limits, its tokens and cost do not.
  const usage = isCacheHit ? undefined : result.value.usage;
  const cachedFrom = isCacheHit ? result.target : undefined;
  Object.assign(entry, { route: result.route, attempts: result.attempts, usage, isCacheHit, cachedFrom });
  const text = result.value.choices[0]?.message.content ?? '';
  const response = await buildChatServiceResponse(
    {
      text,
      provider: result.target.provider,
      model: result.target.model,
      usage: result.value.usage,
      messages: prepared.chatRequest.messages,
      conversationId: prepared.conversationId,
      requestId: call.requestId,
      startedAt: call.startedAt,
    },
    gateway.getModelInfo,
  );
  entry.responseBody = response;
  saveTurn(context, prepared, text);
  return {
    response,
    headers: getArbiterHeaders(call.requestId, result.target, result.attempts, result.cache),
  };
}

/** Runs a route call, keeping the attempts of a route that failed everywhere for the record. */
export async function runRoute<T>(
  entry: RequestRecord,
  call: () => Promise<RouteResult<T>>,
): Promise<RouteResult<T>> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AllAttemptsFailedError) entry.attempts = error.attempts;
    throw error;
  }
}

/** The user's message and the answer join the conversation, after the answer went out. */
export function saveTurn(context: ChatServiceContext, prepared: PreparedChat, answer: string): void {
  context.history.append(
    prepared.conversationId,
    [prepared.userMessage, { role: 'assistant', content: answer }],
    prepared.systemPrompt,
  );
}
