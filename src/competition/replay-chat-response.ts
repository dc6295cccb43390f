import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';

/**
 * A complete answer as stream parts, for callers of `compete` who asked for a stream: a competition
 * cannot stream before its evaluator has chosen the winner, so the winner's answer is replayed at once.
 */
export async function* replayChatResponse(response: ChatResponse): AsyncGenerator<ChatStreamPart> {
  yield { type: 'response-metadata', id: response.id, model: response.model, created: response.created };
  for (const choice of response.choices) {
    const { message } = choice;
    const choiceIndex = choice.index;
    if (message.reasoning_content)
      yield { type: 'reasoning-delta', choiceIndex, text: message.reasoning_content };
    if (message.content) yield { type: 'text-delta', choiceIndex, text: message.content };
    for (const [toolCallIndex, call] of (message.tool_calls ?? []).entries()) {
      yield {
        type: 'tool-call-delta',
        choiceIndex,
        toolCallIndex,
        id: call.id,
        name: call.function.name,
        argumentsDelta: call.function.arguments,
      };
    }
    yield { type: 'finish', choiceIndex, finishReason: choice.finish_reason ?? 'stop' };
  }
  if (response.usage) yield { type: 'usage', usage: response.usage };
}
