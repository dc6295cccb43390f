import type { ChatRequest } from '../../spec/index.js';
import { renderOpenAIInvalidRequest, type RenderedOpenAIError } from './render-openai-error.js';

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/**
 * Checks what OpenAI itself rejects with a 400 before running a model, with its messages, `param`
 * paths and codes. Everything else (unknown fields included) is accepted, as OpenAI does.
 */
export function validateOpenAIRequest(
  body: unknown,
): { request: ChatRequest; rejection?: undefined } | { rejection: RenderedOpenAIError } {
  const rejection = findOpenAIRequestError(body);
  return rejection === undefined ? { request: body as ChatRequest } : { rejection };
}

function findOpenAIRequestError(body: unknown): RenderedOpenAIError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return renderOpenAIInvalidRequest('The request body must be a JSON object.', null, null);
  }
  const request = body as Record<string, unknown>;
  if (typeof request.model !== 'string' || request.model === '') {
    return missing('model');
  }
  if (request.messages === undefined) return missing('messages');
  if (!Array.isArray(request.messages)) {
    return invalidType('messages', 'an array', request.messages);
  }
  if (request.messages.length === 0) {
    return renderOpenAIInvalidRequest(
      "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      'messages',
      'empty_array',
    );
  }
  const messageError = request.messages.map(validateMessage).find((error) => error !== undefined);
  if (messageError !== undefined) return messageError;
  for (const field of ['n', 'max_tokens', 'max_completion_tokens'] as const) {
    const value = request[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) return invalidType(field, 'an integer', value);
    if (value < 1) {
      return renderOpenAIInvalidRequest(
        `Invalid '${field}': integer below minimum value. Expected a value >= 1, but got ${value} instead.`,
        field,
        'integer_below_min_value',
      );
    }
  }
  if (typeof request.n === 'number' && request.n > 128) {
    return renderOpenAIInvalidRequest(
      `Invalid 'n': integer above maximum value. Expected a value <= 128, but got ${request.n} instead.`,
      'n',
      'integer_above_max_value',
    );
  }
  return (
    validateStop(request.stop) ?? validateResponseFormat(request.response_format) ?? validateTools(request)
  );
}

function validateStop(stop: unknown): RenderedOpenAIError | undefined {
  if (stop === undefined || stop === null || typeof stop === 'string') return undefined;
  if (!Array.isArray(stop) || stop.some((sequence) => typeof sequence !== 'string')) {
    return invalidType('stop', 'a string or an array of strings', stop);
  }
  if (stop.length > 4) {
    return renderOpenAIInvalidRequest(
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${stop.length} instead.`,
      'stop',
      'array_above_max_length',
    );
  }
  return undefined;
}

function validateResponseFormat(format: unknown): RenderedOpenAIError | undefined {
  if (format === undefined || format === null) return undefined;
  const type = (format as { type?: unknown }).type;
  if (type !== 'text' && type !== 'json_object' && type !== 'json_schema') {
    return renderOpenAIInvalidRequest(
      `Invalid value: '${String(type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`,
      'response_format.type',
      'invalid_value',
    );
  }
  const schema = (format as { json_schema?: unknown }).json_schema;
  if (type === 'json_schema' && (typeof schema !== 'object' || schema === null))
    return missing('response_format.json_schema');
  return undefined;
}

function validateMessage(message: unknown, index: number): RenderedOpenAIError | undefined {
  if (typeof message !== 'object' || message === null)
    return invalidType(`messages[${index}]`, 'an object', message);
  const { role, tool_calls: toolCalls } = message as Record<string, unknown>;
  if (typeof role !== 'string' || !roles.has(role)) {
    return renderOpenAIInvalidRequest(
      `Invalid value: '${String(role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
      `messages[${index}].role`,
      'invalid_value',
    );
  }
  if (role === 'tool' && typeof (message as { tool_call_id?: unknown }).tool_call_id !== 'string') {
    return missing(`messages[${index}].tool_call_id`);
  }
  if (toolCalls === undefined || toolCalls === null) return undefined;
  if (!Array.isArray(toolCalls)) return invalidType(`messages[${index}].tool_calls`, 'an array', toolCalls);
  for (const [callIndex, call] of toolCalls.entries()) {
    const definition = (call as { function?: { name?: unknown; arguments?: unknown } } | null)?.function;
    if (typeof definition?.name !== 'string' || typeof definition.arguments !== 'string') {
      return missing(`messages[${index}].tool_calls[${callIndex}].function`);
    }
  }
  return undefined;
}

function validateTools(request: Record<string, unknown>): RenderedOpenAIError | undefined {
  const { tools, tool_choice: toolChoice } = request;
  if (tools !== undefined && tools !== null) {
    if (!Array.isArray(tools)) return invalidType('tools', 'an array', tools);
    for (const [index, tool] of tools.entries()) {
      const name = (tool as { function?: { name?: unknown } } | null)?.function?.name;
      if (typeof name !== 'string' || name === '') return missing(`tools[${index}].function.name`);
    }
  }
  const hasTools = Array.isArray(tools) && tools.length > 0;
  if (toolChoice !== undefined && toolChoice !== null && toolChoice !== 'none' && !hasTools) {
    return renderOpenAIInvalidRequest(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
      'tool_choice',
      null,
    );
  }
  const forcedName = (toolChoice as { type?: unknown; function?: { name?: unknown } } | null)?.function?.name;
  if (
    typeof forcedName === 'string' &&
    !(tools as Array<{ function: { name: string } }>).some((tool) => tool.function.name === forcedName)
  ) {
    return renderOpenAIInvalidRequest(
      `Invalid value for 'tool_choice': function '${forcedName}' not found in 'tools'.`,
      'tool_choice',
      null,
    );
  }
  return undefined;
}

function missing(param: string): RenderedOpenAIError {
  return renderOpenAIInvalidRequest(
    `Missing required parameter: '${param}'.`,
    param,
    'missing_required_parameter',
  );
}

function invalidType(param: string, expected: string, value: unknown): RenderedOpenAIError {
  const actual = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return renderOpenAIInvalidRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${actual} instead.`,
    param,
    'invalid_type',
  );
}
