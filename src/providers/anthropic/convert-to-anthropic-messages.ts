import type { ChatMessage, TextContentPart } from '../../spec/chat-request.js';
import type { ProviderId } from '../../spec/provider-id.js';
import type { AnthropicContentBlockParam, AnthropicMessageParam } from './anthropic-request-body.js';
import {
  convertToAnthropicAssistantContent,
  convertToAnthropicToolResult,
} from './convert-to-anthropic-assistant-content.js';
import { convertToAnthropicUserContent } from './convert-to-anthropic-user-content.js';

type Role = AnthropicMessageParam['role'];
interface Turn {
  role: Role;
  blocks: AnthropicContentBlockParam[];
}

/**
 * OpenAI messages as Anthropic's `system` + alternating turns (PROVIDERS.md §5.3): every system and
 * developer message joins the top-level `system` with "\n" (wherever it stood); assistant `tool_calls`
 * become `tool_use` blocks after the assistant's text; consecutive `tool` messages become one user turn of
 * `tool_result` blocks, placed before any user text that follows them, as Anthropic requires; consecutive
 * turns of one role are merged into one. A final assistant turn (a prefill) loses its trailing whitespace,
 * which Anthropic rejects. An assistant's `reasoning_content` is not sent back: Anthropic takes earlier
 * thinking only as signed thinking blocks, which OpenAI-shaped history does not carry.
 */
export function convertToAnthropicMessages(
  messages: readonly ChatMessage[],
  provider: ProviderId,
): { system: string | undefined; messages: AnthropicMessageParam[] } {
  const systemParts: string[] = [];
  const turns: Turn[] = [];
  const legacyCallIds: string[] = [];
  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        systemParts.push(getText(message.content));
        break;
      case 'user':
        addBlocks(turns, 'user', convertToAnthropicUserContent(message.content, provider, param));
        break;
      case 'assistant':
        addBlocks(turns, 'assistant', convertToAnthropicAssistantContent(message, legacyCallIds, index));
        break;
      case 'tool':
        addBlocks(turns, 'user', [convertToAnthropicToolResult(message.tool_call_id, message.content)]);
        break;
      case 'function':
        // Legacy function calling: the result answers the oldest unanswered `function_call`.
        addBlocks(turns, 'user', [
          convertToAnthropicToolResult(legacyCallIds.shift() ?? `function_${index}`, message.content),
        ]);
        break;
    }
  });
  trimFinalAssistantTurn(turns);
  return {
    system: systemParts.length > 0 ? systemParts.join('\n') : undefined,
    messages: turns.map(({ role, blocks }) => ({
      role,
      content: blocks.length === 1 && blocks[0]!.type === 'text' ? blocks[0]!.text : blocks,
    })),
  };
}

function addBlocks(turns: Turn[], role: Role, blocks: AnthropicContentBlockParam[]): void {
  if (blocks.length === 0) return;
  const last = turns.at(-1);
  if (last === undefined || last.role !== role) {
    turns.push({ role, blocks: [...blocks] });
    return;
  }
  for (const block of blocks) {
    if (block.type !== 'tool_result') {
      last.blocks.push(block);
      continue;
    }
    const firstOther = last.blocks.findIndex((existing) => existing.type !== 'tool_result');
    last.blocks.splice(firstOther === -1 ? last.blocks.length : firstOther, 0, block);
  }
}

function trimFinalAssistantTurn(turns: Turn[]): void {
  const last = turns.at(-1);
  if (last?.role !== 'assistant') return;
  const block = last.blocks.at(-1);
  if (block?.type !== 'text') return;
  block.text = block.text.trimEnd();
  if (block.text === '') last.blocks.pop();
  if (last.blocks.length === 0) turns.pop();
}

function getText(content: string | TextContentPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}
