import type { AssistantMessage, TextContentPart } from '../../spec/chat-request.js';
import type { AnthropicContentBlockParam } from './anthropic-request-body.js';
import { isObject } from './anthropic-api.js';

/**
 * An assistant turn as blocks: its text (refusal parts included; empty text is left out, since Anthropic
 * rejects empty text blocks), then one `tool_use` per tool call. A legacy `function_call` becomes a
 * `tool_use` with a made-up id, remembered in `legacyCallIds` for the `function` message that answers it.
 */
export function convertToAnthropicAssistantContent(
  message: AssistantMessage,
  legacyCallIds: string[],
  index: number,
): AnthropicContentBlockParam[] {
  const blocks: AnthropicContentBlockParam[] = [];
  const content = message.content;
  const text = Array.isArray(content)
    ? content.map((part) => (part.type === 'text' ? part.text : part.refusal)).join('')
    : (content ?? '');
  // Anthropic rejects empty text blocks; a tool-only turn has `content: null` or "".
  if (text !== '') blocks.push({ type: 'text', text });
  for (const call of message.tool_calls ?? []) {
    blocks.push({
      type: 'tool_use',
      id: toAnthropicToolId(call.id),
      name: call.function.name,
      input: parseToolArguments(call.function.arguments),
    });
  }
  const legacy = message.function_call;
  if (isObject(legacy) && typeof legacy.name === 'string') {
    const id = `function_${index}`;
    legacyCallIds.push(id);
    const args = typeof legacy.arguments === 'string' ? legacy.arguments : '';
    blocks.push({ type: 'tool_use', id, name: legacy.name, input: parseToolArguments(args) });
  }
  return blocks;
}

/** A `tool` (or legacy `function`) message as a `tool_result` block. */
export function convertToAnthropicToolResult(
  id: string,
  content: string | TextContentPart[] | null,
): AnthropicContentBlockParam {
  return {
    type: 'tool_result',
    tool_use_id: toAnthropicToolId(id),
    content: Array.isArray(content)
      ? content.map((part) => ({ type: 'text', text: part.text }))
      : (content ?? ''),
  };
}

/**
 * Tool call ids as Anthropic accepts them (`^[a-zA-Z0-9_-]+$`), mapped the same way in `tool_use` and
 * `tool_result`, so ids minted by other providers still pair up.
 */
function toAnthropicToolId(id: string): string {
  const cleaned = id.replace(/[^a-zA-Z0-9_-]/g, '_');
  return cleaned === '' ? 'toolu_unnamed' : cleaned;
}

/**
 * Tool call arguments are model-generated and may be invalid (a call cut by a token limit). Anthropic
 * needs an object, so anything that does not parse to one is sent as `{}`: the tool's result, which
 * follows, still tells the model what happened, and the conversation stays routable to Anthropic.
 */
function parseToolArguments(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}
