import type { RenderedOpenAIError } from '../openai-wire/render-openai-error.js';
import { invalidType, invalidValue, isJsonObject, missingParameter } from './responses-request-errors.js';
import type { ResponsesContentPart, ResponsesItem } from './responses-wire-types.js';

const roles = ['assistant', 'system', 'developer', 'user'] as const;
const partTypes = [
  'input_text',
  'input_image',
  'output_text',
  'refusal',
  'input_file',
  'computer_screenshot',
  'summary_text',
];
const textPartTypes = new Set(['input_text', 'output_text', 'summary_text']);

/**
 * Reads `input` into conversation items: a string is one user message; a list holds messages (with or
 * without `type: "message"`), `function_call` and `function_call_output` items. Items of other types
 * (reasoning, built-in tool calls, item references) are accepted and dropped, since the simulated model
 * has no use for them.
 */
export function validateResponsesInput(
  input: unknown,
): { items: ResponsesItem[]; rejection?: undefined } | { rejection: RenderedOpenAIError } {
  if (input === undefined || input === null) return { items: [] };
  if (typeof input === 'string') return { items: [{ type: 'message', role: 'user', content: input }] };
  if (!Array.isArray(input)) return { rejection: invalidType('input', 'a string or an array', input) };
  const items: ResponsesItem[] = [];
  for (const [index, item] of input.entries()) {
    const result = validateItem(item, `input[${index}]`);
    if ('rejection' in result) return { rejection: result.rejection };
    if (result.item !== undefined) items.push(result.item);
  }
  return { items };
}

type ItemResult = { item: ResponsesItem | undefined } | { rejection: RenderedOpenAIError };

function validateItem(item: unknown, path: string): ItemResult {
  if (!isJsonObject(item)) return { rejection: invalidType(path, 'an object', item) };
  const type = item.type ?? (item.role === undefined ? undefined : 'message');
  if (type === undefined) return { rejection: missingParameter(`${path}.role`) };
  if (typeof type !== 'string') return { rejection: invalidType(`${path}.type`, 'a string', type) };
  switch (type) {
    case 'message':
      return validateMessage(item, path);
    case 'function_call': {
      const rejection =
        requireString(item, 'call_id', path) ??
        requireString(item, 'name', path) ??
        requireString(item, 'arguments', path);
      if (rejection !== undefined) return { rejection };
      const { call_id: callId, name, arguments: argumentsText, id } = item as Record<string, string>;
      const call: ResponsesItem = { type, call_id: callId!, name: name!, arguments: argumentsText! };
      if (typeof id === 'string') call.id = id;
      return { item: call };
    }
    case 'function_call_output': {
      const rejection = requireString(item, 'call_id', path);
      if (rejection !== undefined) return { rejection };
      const output = item.output;
      if (output === undefined) return { rejection: missingParameter(`${path}.output`) };
      if (typeof output === 'string') return { item: { type, call_id: item.call_id as string, output } };
      const parts = validateParts(output, `${path}.output`);
      if ('rejection' in parts) return { rejection: parts.rejection };
      return { item: { type, call_id: item.call_id as string, output: parts.parts } };
    }
    default:
      return { item: undefined };
  }
}

function validateMessage(item: Record<string, unknown>, path: string): ItemResult {
  const role = item.role;
  if (role === undefined) return { rejection: missingParameter(`${path}.role`) };
  if (!roles.includes(role as (typeof roles)[number])) {
    return { rejection: invalidValue(`${path}.role`, role, roles) };
  }
  const content = item.content;
  if (content === undefined) return { rejection: missingParameter(`${path}.content`) };
  const message = { type: 'message', role: role as (typeof roles)[number] } as const;
  if (typeof content === 'string') return { item: { ...message, content } };
  const parts = validateParts(content, `${path}.content`);
  if ('rejection' in parts) return { rejection: parts.rejection };
  return { item: { ...message, content: parts.parts } };
}

function validateParts(
  value: unknown,
  path: string,
): { parts: ResponsesContentPart[] } | { rejection: RenderedOpenAIError } {
  if (!Array.isArray(value)) return { rejection: invalidType(path, 'a string or an array', value) };
  for (const [index, part] of value.entries()) {
    const partPath = `${path}[${index}]`;
    if (!isJsonObject(part)) return { rejection: invalidType(partPath, 'an object', part) };
    if (part.type === undefined) return { rejection: missingParameter(`${partPath}.type`) };
    if (!partTypes.includes(part.type as string)) {
      return { rejection: invalidValue(`${partPath}.type`, part.type, partTypes) };
    }
    const rejection = textPartTypes.has(part.type as string)
      ? requireString(part, 'text', partPath)
      : part.type === 'refusal'
        ? requireString(part, 'refusal', partPath)
        : undefined;
    if (rejection !== undefined) return { rejection };
  }
  return { parts: value as ResponsesContentPart[] };
}

function requireString(
  item: Record<string, unknown>,
  field: string,
  path: string,
): RenderedOpenAIError | undefined {
  const value = item[field];
  if (value === undefined) return missingParameter(`${path}.${field}`);
  return typeof value === 'string' ? undefined : invalidType(`${path}.${field}`, 'a string', value);
}
