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

/** Builds the `chat.completion` a stream amounts to, one part at a time, while the parts flow on. */
export interface ChatStreamAccumulator {
  /** Takes one part; an `error` part is remembered (see `error`), not thrown. */
  add(part: ChatStreamPart): void;
  /** The answer so far: text, reasoning and tool calls per choice, finish reasons and the last usage. */
  result(): ChatResponse;
  /** Whether every choice has finished, i.e. the stream ended normally. */
  readonly isFinished: boolean;
  /** The error part's error, when the stream broke. */
  readonly error: unknown;
}

/**
 * Accumulates a stream of chat parts into the non-streamed answer it amounts to, for the response cache
 * (a streamed miss fills the cache) and for competitions (a contender's full answer).
 * @example const acc = createChatStreamAccumulator('gpt-4o'); for await (const p of parts) { acc.add(p); yield p; }
 */
export function createChatStreamAccumulator(fallbackModel: string): ChatStreamAccumulator {
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
  let error: unknown;

  return {
    add(part) {
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
          error = part.error;
          break;
        case 'continuation':
          break;
        default: {
          const _exhaustiveCheck: never = part;
          throw new Error(`unknown stream part ${JSON.stringify(_exhaustiveCheck)}`);
        }
      }
    },
    result() {
      if (choices.size === 0) draftOf(0);
      return {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [...choices.entries()]
          .sort(([a], [b]) => a - b)
          .map(([index, draft]) => toChoice(index, draft)),
        ...(usage ? { usage } : {}),
      };
    },
    get isFinished() {
      return (
        error === undefined && choices.size > 0 && [...choices.values()].every((d) => d.finishReason !== null)
      );
    },
    get error() {
      return error;
    },
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
