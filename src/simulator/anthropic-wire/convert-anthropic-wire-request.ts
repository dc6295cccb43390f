import type {
  ChatMessage,
  ChatRequest,
  ChatTool,
  ToolCall,
  ToolChoice,
  UserContentPart,
} from '../../spec/index.js';
import { isRecord } from './validate-anthropic-messages.js';

/** A validated Messages body, as the wire-neutral planner reads it. */
export interface AnthropicWireRequest {
  /** OpenAI-shaped, without stop sequences: the wire applies those itself to report which matched. */
  chat: ChatRequest;
  stopSequences: string[];
  /** Set when the request turned thinking on (`enabled` or `adaptive`). */
  thinking?: { budgetTokens?: number };
  isStream: boolean;
}

type Block = Record<string, unknown>;

/**
 * Reads a validated Messages body into the planner's request: `system` becomes a system message, user
 * `tool_result` blocks become `tool` messages (before the turn's own text, as the planner expects tool
 * results to end a conversation), `tool_use` blocks become `tool_calls`, images count as image parts;
 * `tools`/`tool_choice`/`output_config.format` take their OpenAI equivalents.
 */
export function convertAnthropicWireRequest(body: Record<string, unknown>): AnthropicWireRequest {
  const messages: ChatMessage[] = [];
  const system = body.system;
  if (typeof system === 'string') messages.push({ role: 'system', content: system });
  else if (Array.isArray(system)) messages.push({ role: 'system', content: textOf(system as Block[]) });
  for (const message of body.messages as Array<{ role: string; content: string | Block[] }>) {
    const blocks: Block[] =
      typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (message.role === 'assistant') messages.push(convertAssistant(blocks));
    else messages.push(...convertUser(blocks));
  }
  const chat: ChatRequest = { model: body.model as string, messages, max_tokens: body.max_tokens as number };
  if (typeof body.temperature === 'number') chat.temperature = body.temperature;
  const tools = ((body.tools ?? []) as Block[]).filter(isCustomTool).map(convertTool);
  if (tools.length > 0) chat.tools = tools;
  Object.assign(chat, convertToolChoice(body.tool_choice));
  const format = isRecord(body.output_config) ? body.output_config.format : undefined;
  if (isRecord(format) && isRecord(format.schema)) {
    chat.response_format = { type: 'json_schema', json_schema: { name: 'output', schema: format.schema } };
  }
  const thinking = isRecord(body.thinking) ? body.thinking : undefined;
  const isThinking = thinking?.type === 'enabled' || thinking?.type === 'adaptive';
  return {
    chat,
    stopSequences: (body.stop_sequences ?? []) as string[],
    thinking: isThinking
      ? { budgetTokens: typeof thinking.budget_tokens === 'number' ? thinking.budget_tokens : undefined }
      : undefined,
    isStream: body.stream === true,
  };
}

function convertAssistant(blocks: Block[]): ChatMessage {
  const toolCalls: ToolCall[] = blocks
    .filter((block) => block.type === 'tool_use')
    .map((block) => ({
      id: String(block.id),
      type: 'function',
      function: { name: String(block.name), arguments: JSON.stringify(block.input ?? {}) },
    }));
  const text = textOf(blocks);
  return toolCalls.length > 0
    ? { role: 'assistant', content: text === '' ? null : text, tool_calls: toolCalls }
    : { role: 'assistant', content: text };
}

function convertUser(blocks: Block[]): ChatMessage[] {
  const messages: ChatMessage[] = blocks
    .filter((block) => block.type === 'tool_result')
    .map((block) => ({
      role: 'tool',
      tool_call_id: String(block.tool_use_id),
      content: typeof block.content === 'string' ? block.content : textOf((block.content ?? []) as Block[]),
    }));
  const parts: UserContentPart[] = [];
  for (const block of blocks) {
    if (block.type === 'text') parts.push({ type: 'text', text: String(block.text) });
    else if (block.type === 'image') parts.push({ type: 'image_url', image_url: { url: 'data:,' } });
  }
  if (parts.length > 0) messages.push({ role: 'user', content: parts });
  return messages;
}

function convertTool(tool: Block): ChatTool {
  return {
    type: 'function',
    function: {
      name: String(tool.name),
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      parameters: tool.input_schema as Record<string, unknown>,
    },
  };
}

function convertToolChoice(choice: unknown): { tool_choice?: ToolChoice; parallel_tool_calls?: boolean } {
  if (!isRecord(choice)) return {};
  const parallel = choice.disable_parallel_tool_use === true ? { parallel_tool_calls: false } : {};
  switch (choice.type) {
    case 'any':
      return { tool_choice: 'required', ...parallel };
    case 'tool':
      return { tool_choice: { type: 'function', function: { name: String(choice.name) } }, ...parallel };
    case 'none':
      return { tool_choice: 'none' };
    default:
      return { tool_choice: 'auto', ...parallel };
  }
}

function isCustomTool(tool: Block): boolean {
  return tool.type === undefined || tool.type === null || tool.type === 'custom';
}

function textOf(blocks: readonly Block[]): string {
  return blocks
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n');
}
