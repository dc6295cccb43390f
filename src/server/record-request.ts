import type { FastifyRequest } from 'fastify';
import type { ChatRequest } from '../spec/chat-request.js';
import { settleRequest } from './auth/settle-request.js';
import { logRequest, type RequestLogEntry } from './request-log.js';
import type { ServerContext } from './server-context.js';

/** The log line's facts, plus what the usage log needs beyond them. */
export interface RequestRecord extends RequestLogEntry {
  /** The path the usage log files the request under; default: the route's URL pattern. */
  endpoint?: string;
  conversationId?: string;
  keyId?: string;
  isCacheHit?: boolean;
  /** A cache hit: the target that produced the cached answer. */
  cachedFrom?: { provider: string; model: string };
  /** The request as a chat, so its tokens can be counted when the provider reports no usage. */
  chatRequest?: Pick<ChatRequest, 'messages' | 'tools'>;
  /** A stream's text deltas, for counting and for LOG_RESPONSES. */
  outputText?: readonly string[];
  /** The answer as sent (non-streamed), kept only with LOG_RESPONSES. */
  responseBody?: unknown;
  /** The body to keep with LOG_REQUESTS, when it is not the HTTP request's own (a batch item). */
  requestBody?: unknown;
}

/**
 * Where every request ends: its one log line, its key's limits settled with what it really used, and
 * its usage record handed to the recorder (which
 * returns at once; pricing, token counting and writing happen at flush time). Bodies are attached only
 * when LOG_REQUESTS / LOG_RESPONSES are on, and token-counting material only when the provider reported
 * no usage, so nothing is kept alive that the flush will not use.
 */
export function recordRequest(context: ServerContext, request: FastifyRequest, entry: RequestRecord): void {
  const { gateway } = context;
  logRequest(
    context.logger,
    entry,
    gateway.config.accounting.shouldLogBodies
      ? { request: entry.requestBody ?? request.body, response: entry.responseBody ?? entry.outputText }
      : undefined,
  );
  settleRequest(request, entry, gateway.getModelInfo);
  const accounting = gateway.config.accounting;
  // Queued even with USAGE_LOG=false: metrics are counted from the built records, which are then
  // not written.
  gateway.usage.record({
    requestId: entry.requestId,
    createdAt: Date.now() - entry.durationInMs,
    keyId: entry.keyId ?? request.principal?.keyId,
    endpoint: entry.endpoint ?? request.routeOptions.url ?? entry.path,
    // A request that failed on every target still names the route it asked for.
    route: entry.route ?? getRequestedModel(request.body),
    status: entry.status,
    isStream: entry.isStream === true,
    isCacheHit: entry.isCacheHit,
    cachedFrom: entry.cachedFrom && { provider: entry.cachedFrom.provider, model: entry.cachedFrom.model },
    attempts: entry.attempts,
    durationInMs: entry.durationInMs,
    ttftInMs: entry.ttftInMs,
    usage: entry.usage,
    errorCode: entry.errorCode,
    conversationId: entry.conversationId,
    countable: entry.usage
      ? undefined
      : { request: entry.chatRequest, outputText: entry.outputText ?? getAnswerText(entry.responseBody) },
    requestBody: accounting.shouldLogRequests ? (entry.requestBody ?? request.body) : undefined,
    responseBody: accounting.shouldLogResponses ? (entry.responseBody ?? entry.outputText) : undefined,
  });
}

function getRequestedModel(body: unknown): string | undefined {
  const model = (body as { model?: unknown } | undefined)?.model;
  return typeof model === 'string' ? model : undefined;
}

/** The text of a `chat.completion` body, for counting its tokens; undefined for any other body. */
function getAnswerText(body: unknown): string | undefined {
  const choices = (body as { choices?: unknown } | undefined)?.choices;
  if (!Array.isArray(choices)) return undefined;
  return choices
    .map((choice: { message?: { content?: unknown } }) =>
      typeof choice.message?.content === 'string' ? choice.message.content : '',
    )
    .join('');
}
