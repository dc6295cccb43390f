import type { AssistantMessage, ChatMessage, UserContentPart } from '../../spec/chat-request.js';
import { ApiError } from '../api-error.js';

type Item = Record<string, unknown>;

/**
 * Responses API input items as chat messages: messages by role, `function_call` items as the assistant's
 * tool calls (consecutive calls share one assistant turn), `function_call_output` items as tool messages.
 * Reasoning items are dropped (only the model that wrote them can read them); items that only OpenAI can
 * act on are a 400 naming the item type, never a silent drop.
 */
export function convertResponsesInputToChat(input: string | Item[] | undefined): ChatMessage[] {
  if (input === undefined) return [];
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const messages: ChatMessage[] = [];
  for (const item of input) {
    const type = item.type ?? 'message';
    if (type === 'message') messages.push(convertMessageItem(item));
    else if (type === 'function_call') addToolCall(messages, item);
    else if (type === 'function_call_output') {
      messages.push({
        role: 'tool',
        tool_call_id: String(item.call_id),
        content: stringifyOutput(item.output),
      });
    } else if (type !== 'reasoning') {
      throw new ApiError(
        400,
        'invalid_request_error',
        `Input items of type "${String(type)}" are only supported on OpenAI models.`,
        { code: 'unsupported_input_item', param: 'input' },
      );
    }
  }
  return messages;
}

function convertMessageItem(item: Item): ChatMessage {
  const role = item.role;
  const content = item.content;
  if (role === 'assistant') {
    const text =
      typeof content === 'string'
        ? content
        : (content as Item[]).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
    return { role: 'assistant', content: text };
  }
  if (role !== 'user' && role !== 'system' && role !== 'developer') {
    throw new ApiError(
      400,
      'invalid_request_error',
      `Invalid value for 'input[].role': ${JSON.stringify(role)}.`,
      { code: 'invalid_value', param: 'input' },
    );
  }
  if (typeof content === 'string') return { role, content };
  if (!Array.isArray(content)) {
    throw new ApiError(
      400,
      'invalid_request_error',
      "Invalid 'input[].content': expected a string or a list of content parts.",
      { code: 'invalid_type', param: 'input' },
    );
  }
  const parts = (content as Item[]).map(convertContentPart);
  if (role !== 'user')
    return { role, content: parts.map((part) => (part.type === 'text' ? part.text : '')).join('') };
  return { role, content: parts };
}

function convertContentPart(part: Item): UserContentPart {
  if (part.type === 'input_text' || part.type === 'output_text')
    return { type: 'text', text: String(part.text ?? '') };
  if (part.type === 'input_image' && typeof part.image_url === 'string') {
    const detail = part.detail === 'low' || part.detail === 'high' ? part.detail : 'auto';
    return { type: 'image_url', image_url: { url: part.image_url, detail } };
  }
  throw new ApiError(
    400,
    'invalid_request_error',
    `Content parts of type "${String(part.type)}"${part.file_id ? ' given by file id' : ''} are only supported on OpenAI models.`,
    {
      code: 'unsupported_content',
      param: 'input',
    },
  );
}

function addToolCall(messages: ChatMessage[], item: Item): void {
  const call = {
    id: String(item.call_id),
    type: 'function' as const,
    function: { name: String(item.name), arguments: String(item.arguments ?? '') },
  };
  const last = messages.at(-1);
  if (last?.role === 'assistant') {
    const assistant = last as AssistantMessage;
    assistant.tool_calls = [...(assistant.tool_calls ?? []), call];
    if (assistant.content === '') assistant.content = null;
    return;
  }
  messages.push({ role: 'assistant', content: null, tool_calls: [call] });
}

function stringifyOutput(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output))
    return output.map((part: Item) => (typeof part.text === 'string' ? part.text : '')).join('');
  return JSON.stringify(output ?? '');
}
