import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';

/** Text is replayed in pieces about this long, breaking after a space when one is near. */
const CHUNK = 48;

/**
 * A cached answer as the stream parts a live one would produce: metadata, the text in word-aligned
 * pieces, reasoning, each tool call whole, the finish reason and the usage. Clients that render as they
 * read (chat UIs, the SDKs' stream helpers) then work the same on a hit as on a miss.
 */
export function* replayAsStream(response: ChatResponse): Generator<ChatStreamPart> {
  yield { type: 'response-metadata', id: response.id, model: response.model, created: response.created };
  for (const choice of response.choices) {
    const choiceIndex = choice.index;
    const reasoning = choice.message.reasoning_content;
    if (typeof reasoning === 'string' && reasoning !== '')
      for (const text of splitText(reasoning)) yield { type: 'reasoning-delta', choiceIndex, text };
    if (choice.message.content) {
      for (const text of splitText(choice.message.content)) yield { type: 'text-delta', choiceIndex, text };
    }
    for (const [toolCallIndex, call] of (choice.message.tool_calls ?? []).entries()) {
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

function* splitText(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + CHUNK / 2) end = space + 1;
    }
    yield text.slice(start, end);
    start = end;
  }
}
