import type {
  ChatMessage,
  ChatRequest,
  ChatTool,
  ResponseFormat,
  ToolChoice,
  UserContentPart,
} from '../../spec/index.js';
import type {
  ResponsesContentPart,
  ResponsesItem,
  ResponsesRequest,
  ResponsesTool,
} from './responses-wire-types.js';

/**
 * The Responses request as the wire-neutral planner reads it, a Chat Completions request: `instructions`
 * become a leading developer message (OpenAI: "equivalent to a text input with the developer role"),
 * consecutive `function_call` items one assistant turn with `tool_calls`, `function_call_output` items
 * `tool` messages, `input_image` parts image parts; function tools, `tool_choice` and `text.format`
 * take their Chat equivalents and `max_output_tokens` becomes `max_completion_tokens`.
 * `conversation` is the whole conversation: a previous response's items, then this request's input.
 */
export function convertResponsesToChatRequest(
  request: ResponsesRequest,
  conversation: readonly ResponsesItem[],
): ChatRequest {
  const messages: ChatMessage[] = [];
  if (request.instructions !== null) messages.push({ role: 'developer', content: request.instructions });
  for (const item of conversation) appendItem(messages, item);
  const chat: ChatRequest = {
    model: request.model,
    messages,
    temperature: request.temperature,
    top_p: request.top_p,
    parallel_tool_calls: request.parallel_tool_calls,
  };
  if (request.max_output_tokens !== null) chat.max_completion_tokens = request.max_output_tokens;
  const tools = request.tools.filter(isFunctionTool).map(convertTool);
  if (tools.length > 0) chat.tools = tools;
  chat.tool_choice = convertToolChoice(request.tool_choice);
  const format = convertTextFormat(request.text.format);
  if (format !== undefined) chat.response_format = format;
  return chat;
}

function appendItem(messages: ChatMessage[], item: ResponsesItem): void {
  switch (item.type) {
    case 'message':
      messages.push(convertMessage(item.role, item.content));
      return;
    case 'function_call': {
      const call = {
        id: item.call_id,
        type: 'function' as const,
        function: { name: item.name, arguments: item.arguments },
      };
      const previous = messages[messages.length - 1];
      // Parallel calls arrive as consecutive items; a message just before them is the same turn.
      if (previous?.role === 'assistant') previous.tool_calls = [...(previous.tool_calls ?? []), call];
      else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
      return;
    }
    case 'function_call_output':
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: textOf(item.output) });
      return;
    default: {
      const exhaustive: never = item;
      throw new Error(`Unknown conversation item: ${JSON.stringify(exhaustive)}`);
    }
  }
}

function convertMessage(
  role: 'user' | 'assistant' | 'system' | 'developer',
  content: string | ResponsesContentPart[],
): ChatMessage {
  if (typeof content === 'string' || role !== 'user') return { role, content: textOf(content) };
  const parts: UserContentPart[] = [];
  for (const part of content) {
    if (typeof part.text === 'string') parts.push({ type: 'text', text: part.text });
    else if (part.type === 'input_image') {
      const url = typeof part.image_url === 'string' ? part.image_url : 'data:,';
      parts.push({ type: 'image_url', image_url: { url } });
    }
  }
  return { role, content: parts };
}

function textOf(content: string | ResponsesContentPart[]): string {
  if (typeof content === 'string') return content;
  return content
    .map((part) => part.text ?? part.refusal)
    .filter((text): text is string => typeof text === 'string')
    .join('\n');
}

function isFunctionTool(tool: ResponsesTool): tool is ResponsesTool & { name: string } {
  return tool.type === 'function' && typeof tool.name === 'string';
}

function convertTool(tool: ResponsesTool & { name: string }): ChatTool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      ...(tool.parameters !== undefined && tool.parameters !== null ? { parameters: tool.parameters } : {}),
    },
  };
}

function convertToolChoice(choice: ResponsesRequest['tool_choice']): ToolChoice {
  if (typeof choice === 'string') return choice;
  if (choice.type === 'function' && typeof choice.name === 'string') {
    return { type: 'function', function: { name: choice.name } };
  }
  if (choice.type === 'allowed_tools' && Array.isArray(choice.tools)) {
    const mode = choice.mode === 'required' ? 'required' : 'auto';
    const tools = (choice.tools as ResponsesTool[])
      .filter(isFunctionTool)
      .map((tool) => ({ type: 'function', function: { name: tool.name } }));
    return { type: 'allowed_tools', allowed_tools: { mode, tools } };
  }
  // A forced built-in tool (`web_search_preview`, …): the simulated model has none, so it answers in text.
  return 'none';
}

function convertTextFormat(format: ResponsesRequest['text']['format']): ResponseFormat | undefined {
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type !== 'json_schema') return undefined;
  return {
    type: 'json_schema',
    json_schema: { name: format.name, schema: format.schema, strict: format.strict ?? null },
  };
}
