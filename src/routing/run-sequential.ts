import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import { AllAttemptsFailedError } from './all-attempts-failed-error.js';
import { CallerCancelledError, type AttemptContext } from './attempt-context.js';
import { attemptChat } from './attempt-chat.js';
import type { AttemptRecord } from './attempt-record.js';
import { attemptStream } from './attempt-stream.js';
import type { Target } from './target.js';

export interface ChatSuccess {
  response: ChatResponse;
  target: Target;
  attempts: AttemptRecord[];
}

export interface StreamSuccess {
  parts: AsyncIterable<ChatStreamPart>;
  target: Target;
  attempts: AttemptRecord[];
  ttftInMs: number;
}

/**
 * The `sequential` strategy: try the targets in order, falling back on any failure, until one answers.
 * Throws AllAttemptsFailedError when none did, or CallerCancelledError when the caller went away.
 */
export async function runSequentialChat(
  targets: Target[],
  request: ChatRequest,
  context: AttemptContext,
): Promise<ChatSuccess> {
  const attempts: AttemptRecord[] = [];
  for (const target of targets) {
    const result = await attemptChat(target, request, context);
    attempts.push(result.record);
    if (result.isSuccess) return { response: result.response, target, attempts };
    if (result.isCancelled) throw new CallerCancelledError();
  }
  throw new AllAttemptsFailedError(context.route, attempts);
}

/** The `sequential` strategy for streams: a target counts only once its first content part arrived. */
export async function runSequentialStream(
  targets: Target[],
  request: ChatRequest,
  context: AttemptContext,
): Promise<StreamSuccess> {
  const attempts: AttemptRecord[] = [];
  for (const target of targets) {
    const result = await attemptStream(target, request, context);
    attempts.push(result.record);
    if (result.isSuccess) return { parts: result.parts, target, attempts, ttftInMs: result.ttftInMs };
    if (result.isCancelled) throw new CallerCancelledError();
  }
  throw new AllAttemptsFailedError(context.route, attempts);
}
