import type {
  ChatMessage,
  ChatRequest,
  ChatTool,
  ResponseFormat,
  ToolChoice,
} from '../../spec/chat-request.js';
import { ApiError } from '../api-error.js';
import type { ResponsesRequest } from './responses-request-schema.js';

/**
 * A Responses request as a chat request for non-OpenAI targets: `instructions` as the system message in
 * front of the (continued) conversation, function tools, tool choice, `text.format`, token limit and
 * sampling. Built-in tools (web search, file search, code interpreter …) exist only on OpenAI: 400.
 */
export function convertResponsesRequestToChat(
  request: ResponsesRequest,
  conversation: ChatMessage[],
): ChatRequest {
  const messages: ChatMessage[] = request.instructions
    ? [{ role: 'system', content: request.instructions }, ...conversation]
    : conversation;
  const chat: ChatRequest = { model: request.model, messages };
  if (request.tools?.length) chat.tools = request.tools.map(convertTool);
  if (request.tool_choice) chat.tool_choice = convertToolChoice(request.tool_choice);
  if (request.parallel_tool_calls != null) chat.parallel_tool_calls = request.parallel_tool_calls;
  const format = convertFormat(request.text?.format);
  if (format) chat.response_format = format;
  if (request.max_output_tokens != null) chat.max_tokens = request.max_output_tokens;
  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  if (request.reasoning?.effort) chat.reasoning_effort = request.reasoning.effort;
  if (request.user) chat.user = request.user;
  return chat;
}

function convertTool(tool: Record<string, unknown>): ChatTool {
  if (tool.type !== 'function') {
    throw new ApiError(
      400,
      'invalid_request_error',
      `The built-in tool "${String(tool.type)}" is only available on OpenAI models; route this request to an openai/ model or remove the tool.`,
      {
        code: 'unsupported_tool',
        param: 'tools',
      },
    );
  }
  return {
    type: 'function',
    function: {
      name: String(tool.name),
      ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
      parameters: (tool.parameters as Record<string, unknown> | undefined) ?? {
        type: 'object',
        properties: {},
      },
      ...(typeof tool.strict === 'boolean' ? { strict: tool.strict } : {}),
    },
  };
}

function convertToolChoice(choice: NonNullable<ResponsesRequest['tool_choice']>): ToolChoice {
  if (typeof choice === 'string') return choice;
  if (choice.type === 'function' && typeof choice.name === 'string')
    return { type: 'function', function: { name: choice.name } };
  throw new ApiError(
    400,
    'invalid_request_error',
    `tool_choice "${choice.type}" is only available on OpenAI models.`,
    { code: 'unsupported_tool', param: 'tool_choice' },
  );
}

function convertFormat(format: Record<string, unknown> | undefined): ResponseFormat | undefined {
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type === 'json_schema') {
    return {
      type: 'json_schema',
      json_schema: {
        name: String(format.name ?? 'response'),
        ...(typeof format.description === 'string' ? { description: format.description } : {}),
        schema: format.schema as Record<string, unknown> | undefined,
        ...(typeof format.strict === 'boolean' ? { strict: format.strict } : {}),
      },
    };
  }
  throw new ApiError(400, 'invalid_request_error', `text.format "${String(format.type)}" is not supported.`, {
    code: 'invalid_value',
    param: 'text.format',
  });
}
