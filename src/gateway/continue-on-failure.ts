import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import type { Target } from '../routing/target.js';

/** Opens the continuation on the remaining targets; resolves with the next target's committed parts. */
export type OpenContinuation = (
  request: ChatRequest,
) => Promise<{ parts: AsyncIterable<ChatStreamPart>; target: Target }>;

const instruction =
  'Your previous answer was cut off. Continue it exactly where it stopped, without repeating anything already written.';

/**
 * `continue_on_failure`: when the stream fails after its commit point, the answer so far goes to the next
 * target as the assistant's turn, with an instruction to carry on, and its parts follow in the same
 * stream after a `continuation` part. Tool-call answers are not continued (a half-written call cannot be
 * resumed); nor is an answer when no target is left, which then ends with the original error.
 */
export async function* continueOnFailure(
  parts: AsyncIterable<ChatStreamPart>,
  request: ChatRequest,
  from: Target,
  open: OpenContinuation,
): AsyncGenerator<ChatStreamPart> {
  let text = '';
  let hasToolCalls = false;
  let source = from;
  let stream = parts;
  for (;;) {
    let failure: Extract<ChatStreamPart, { type: 'error' }> | undefined;
    for await (const part of stream) {
      if (part.type === 'error') {
        failure = part;
        break;
      }
      if (part.type === 'text-delta' && part.choiceIndex === 0) text += part.text;
      if (part.type === 'tool-call-delta') hasToolCalls = true;
      if (part.type === 'response-metadata' && source !== from) continue;
      yield part;
    }
    if (!failure) return;
    if (hasToolCalls || text === '') {
      yield failure;
      return;
    }
    let next: Awaited<ReturnType<OpenContinuation>>;
    try {
      next = await open({
        ...request,
        messages: [
          ...request.messages,
          { role: 'assistant', content: text },
          { role: 'user', content: instruction },
        ],
      });
    } catch {
      yield failure;
      return;
    }
    yield {
      type: 'continuation',
      fromTargetId: source.id,
      toTargetId: next.target.id,
      reason: failure.error.message,
    };
    source = next.target;
    stream = next.parts;
  }
}
