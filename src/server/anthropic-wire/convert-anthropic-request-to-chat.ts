import type {
  ChatMessage,
  ChatRequest,
  ChatTool,
  ToolCall,
  ToolChoice,
  UserContentPart,
} from '../../spec/chat-request.js';
import { ApiError } from '../api-error.js';
import type { AnthropicContentBlock, AnthropicMessagesRequest } from './anthropic-request-schema.js';

type Block = AnthropicContentBlock & Record<string, unknown>;

/**
 * An Anthropic Messages request as the internal chat request, for targets that are not Anthropic.
 * `tool_result` blocks become `tool` messages placed before the rest of their user turn (OpenAI wants
 * results right after the assistant's calls); blocks no other provider can take are a clear 400.
 * @see PROVIDERS.md §5.3, read right to left.
 */
export function convertAnthropicRequestToChat(request: AnthropicMessagesRequest): ChatRequest {
  const messages: ChatMessage[] = [];
  const system =
    typeof request.system === 'string'
      ? request.system
      : request.system?.map((block) => block.text).join('\n');
  if (system) messages.push({ role: 'system', content: system });
  for (const message of request.messages) {
    const blocks: Block[] =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : (message.content as Block[]);
    if (message.role === 'assistant') messages.push(convertAssistantTurn(blocks));
    else messages.push(...convertUserTurn(blocks));
  }
  const chat: ChatRequest = { model: request.model, messages, max_tokens: request.max_tokens };
  if (request.stop_sequences) chat.stop = request.stop_sequences;
  if (request.temperature !== undefined) chat.temperature = request.temperature;
  if (request.top_p !== undefined) chat.top_p = request.top_p;
  if (request.metadata?.user_id) chat.user = request.metadata.user_id;
  if (request.tools?.length) chat.tools = request.tools.map(convertTool);
  if (request.tool_choice) Object.assign(chat, convertToolChoice(request.tool_choice));
  if (request.thinking?.type === 'enabled') {
    // OpenAI-family reasoning takes an effort, not a budget: map the budget onto the three levels.
    const budget = request.thinking.budget_tokens;
    chat.reasoning_effort = budget < 4096 ? 'low' : budget < 16_384 ? 'medium' : 'high';
  }
  return chat;
}

function convertAssistantTurn(blocks: Block[]): ChatMessage {
  const text = blocks
    .filter((block) => block.type === 'text')
    .map((block) => String(block.text))
    .join('');
  const toolCalls: ToolCall[] = blocks
    .filter((block) => block.type === 'tool_use')
    .map((block) => ({
      id: String(block.id),
      type: 'function',
      function: { name: String(block.name), arguments: JSON.stringify(block.input ?? {}) },
    }));
  return {
    role: 'assistant',
    content: text === '' && toolCalls.length > 0 ? null : text,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
}

function convertUserTurn(blocks: Block[]): ChatMessage[] {
  const results: ChatMessage[] = [];
  const parts: UserContentPart[] = [];
  for (const block of blocks) {
    if (block.type === 'tool_result') {
      results.push({
        role: 'tool',
        tool_call_id: String(block.tool_use_id),
        content: convertToolResultContent(block),
      });
    } else if (block.type === 'text') {
      parts.push({ type: 'text', text: String(block.text) });
    } else if (block.type === 'image') {
      parts.push({
        type: 'image_url',
        image_url: { url: convertImageSource(block.source as Record<string, unknown>) },
      });
    } else {
      throw new ApiError(
        400,
        'invalid_request_error',
        `Content blocks of type "${block.type}" need an Anthropic model; the chosen model cannot take them.`,
        {
          code: 'unsupported_content',
        },
      );
    }
  }
  if (parts.length === 0) return results;
  const onlyText = parts.every((part) => part.type === 'text');
  return [
    ...results,
    {
      role: 'user',
      content: onlyText ? parts.map((part) => (part as { text: string }).text).join('\n') : parts,
    },
  ];
}

/** A failed tool's result keeps its failure visible to models that have no `is_error` flag. */
function convertToolResultContent(block: Block): string {
  const content = block.content;
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((part) => (part.type === 'text' ? String(part.text) : '')).join('\n')
        : '';
  return block.is_error === true ? `Error: ${text}` : text;
}

function convertImageSource(source: Record<string, unknown>): string {
  if (source.type === 'base64') return `data:${String(source.media_type)};base64,${String(source.data)}`;
  if (source.type === 'url') return String(source.url);
  throw new ApiError(
    400,
    'invalid_request_error',
    'Images given as Anthropic file ids need an Anthropic model.',
    { code: 'unsupported_content' },
  );
}

function convertTool(tool: NonNullable<AnthropicMessagesRequest['tools']>[number]): ChatTool {
  if (tool.type && tool.type !== 'custom') {
    throw new ApiError(
      400,
      'invalid_request_error',
      `The server tool "${tool.type}" is only available on Anthropic models.`,
      { code: 'unsupported_tool' },
    );
  }
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: tool.input_schema ?? { type: 'object', properties: {} },
    },
  };
}

function convertToolChoice(choice: NonNullable<AnthropicMessagesRequest['tool_choice']>): {
  tool_choice: ToolChoice;
  parallel_tool_calls?: boolean;
} {
  const parallel =
    'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use === true
      ? { parallel_tool_calls: false }
      : {};
  switch (choice.type) {
    case 'auto':
      return { tool_choice: 'auto', ...parallel };
    case 'any':
      return { tool_choice: 'required', ...parallel };
    case 'none':
      return { tool_choice: 'none' };
    case 'tool':
      return { tool_choice: { type: 'function', function: { name: choice.name } }, ...parallel };
  }
}
