import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';

/** Text is replayed in pieces about this long, breaking after a space when one is near. */
const CHUNK = 48;

/**
 * A complete answer as the stream parts a live one would produce: metadata, reasoning and text in
 * word-aligned pieces, each tool call whole, the finish reason and the usage. For a response-cache hit
 * asked for as a stream, and for a competition's winner (which cannot stream before the evaluator has
 * chosen it). Clients that render as they read (chat UIs, the SDKs' stream helpers) then work the same
 * as on a live stream.
 * @example for await (const part of replayAsStream(cached.response)) write(part);
 */
export async function* replayAsStream(response: ChatResponse): AsyncGenerator<ChatStreamPart> {
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
