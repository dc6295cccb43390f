import type { ToolCall } from '../spec/chat-request.js';
import type { ChatChoice, ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import type { Usage } from '../spec/usage.js';

interface ChoiceDraft {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  finishReason: ChatChoice['finish_reason'];
}

/**
 * Reads a streamed answer to its end and assembles the `chat.completion` it amounts to: text, reasoning
 * and tool calls per choice, the finish reason and the last usage. A contender is streamed (rather than
 * asked for one body) so its time to first token is measured too. An `error` part is thrown.
 */
export async function collectChatStream(
  parts: AsyncIterable<ChatStreamPart>,
  fallbackModel: string,
): Promise<ChatResponse> {
  const choices = new Map<number, ChoiceDraft>();
  const draftOf = (index: number): ChoiceDraft => {
    let draft = choices.get(index);
    if (!draft) {
      draft = { text: '', reasoning: '', toolCalls: [], finishReason: null };
      choices.set(index, draft);
    }
    return draft;
  };
  let id = 'chatcmpl-arbiter';
  let model = fallbackModel;
  let created = Math.floor(Date.now() / 1000);
  let usage: Usage | undefined;
  for await (const part of parts) {
    switch (part.type) {
      case 'response-metadata':
        id = part.id ?? id;
        model = part.model ?? model;
        created = part.created ?? created;
        break;
      case 'text-delta':
        draftOf(part.choiceIndex).text += part.text;
        break;
      case 'reasoning-delta':
        draftOf(part.choiceIndex).reasoning += part.text;
        break;
      case 'tool-call-delta': {
        const calls = draftOf(part.choiceIndex).toolCalls;
        const call = (calls[part.toolCallIndex] ??= {
          id: part.id ?? `call_${part.toolCallIndex}`,
          type: 'function',
          function: { name: part.name ?? '', arguments: '' },
        });
        if (part.name && !call.function.name) call.function.name = part.name;
        call.function.arguments += part.argumentsDelta;
        break;
      }
      case 'finish':
        draftOf(part.choiceIndex).finishReason = part.finishReason;
        break;
      case 'usage':
        usage = part.usage;
        break;
      case 'error':
        throw part.error;
      case 'continuation':
        break;
      default: {
        const _exhaustiveCheck: never = part;
        throw new Error(`unknown stream part ${JSON.stringify(_exhaustiveCheck)}`);
      }
    }
  }
  if (choices.size === 0) draftOf(0);
  return {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: [...choices.entries()].sort(([a], [b]) => a - b).map(([index, draft]) => toChoice(index, draft)),
    ...(usage ? { usage } : {}),
  };
}

function toChoice(index: number, draft: ChoiceDraft): ChatChoice {
  const toolCalls = draft.toolCalls.filter(Boolean);
  return {
    index,
    message: {
      role: 'assistant',
      content: draft.text === '' && toolCalls.length > 0 ? null : draft.text,
      ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      ...(draft.reasoning ? { reasoning_content: draft.reasoning } : {}),
    },
    finish_reason: draft.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
  };
}
