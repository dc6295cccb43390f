import { renderOpenAIInvalidRequest, type RenderedOpenAIError } from '../openai-wire/render-openai-error.js';
import {
  invalidType,
  invalidValue,
  isJsonObject,
  missingParameter,
  outOfRange,
} from './responses-request-errors.js';
import type { ResponsesRequest, ResponsesTextFormat } from './responses-wire-types.js';
import { validateResponsesInput } from './validate-responses-input.js';
import { validateResponsesTools } from './validate-responses-tools.js';

type Validation =
  | { request: ResponsesRequest; rejection?: undefined }
  | { request?: undefined; rejection: RenderedOpenAIError };

const formatTypes = ['text', 'json_object', 'json_schema'];
const formatNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;
/** OpenAI's `max_output_tokens` floor (spec: CreateResponse, `minimum: 16`). */
const minimumOutputTokens = 16;

/**
 * Checks what OpenAI rejects with a 400 before running a model, with its messages, `param` paths and
 * codes, and fills in the defaults a Response echoes (`temperature: 1`, `store: true`, …). Unknown
 * fields are accepted, as OpenAI does.
 */
export function validateResponsesRequest(body: unknown): Validation {
  if (!isJsonObject(body)) {
    return { rejection: renderOpenAIInvalidRequest('The request body must be a JSON object.', null, null) };
  }
  const scalarRejection = findScalarError(body);
  if (scalarRejection !== undefined) return { rejection: scalarRejection };
  const input = validateResponsesInput(body.input);
  if (input.rejection !== undefined) return { rejection: input.rejection };
  const tools = validateResponsesTools(body);
  if (tools.rejection !== undefined) return { rejection: tools.rejection };
  const text = validateText(body.text);
  if ('rejection' in text) return { rejection: text.rejection };
  const request: ResponsesRequest = {
    model: body.model as string,
    input: input.items,
    instructions: (body.instructions as string | null | undefined) ?? null,
    tools: tools.tools,
    tool_choice: tools.toolChoice,
    text: text.text,
    max_output_tokens: (body.max_output_tokens as number | null | undefined) ?? null,
    temperature: (body.temperature as number | null | undefined) ?? 1,
    top_p: (body.top_p as number | null | undefined) ?? 1,
    parallel_tool_calls: (body.parallel_tool_calls as boolean | null | undefined) ?? true,
    metadata: (body.metadata as Record<string, string> | null | undefined) ?? {},
    store: (body.store as boolean | null | undefined) ?? true,
    previous_response_id: (body.previous_response_id as string | null | undefined) ?? null,
    stream: body.stream === true,
  };
  if (typeof body.user === 'string') request.user = body.user;
  return { request };
}

function findScalarError(body: Record<string, unknown>): RenderedOpenAIError | undefined {
  const { model } = body;
  if (model === undefined || model === null || model === '') return missingParameter('model');
  if (typeof model !== 'string') return invalidType('model', 'a string', model);
  for (const field of ['instructions', 'previous_response_id', 'user']) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return invalidType(field, 'a string', value);
    }
  }
  for (const field of ['stream', 'store', 'parallel_tool_calls', 'background']) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== 'boolean') {
      return invalidType(field, 'a boolean', value);
    }
  }
  const maxOutputTokens = body.max_output_tokens;
  if (maxOutputTokens !== undefined && maxOutputTokens !== null) {
    if (typeof maxOutputTokens !== 'number' || !Number.isInteger(maxOutputTokens)) {
      return invalidType('max_output_tokens', 'an integer', maxOutputTokens);
    }
    if (maxOutputTokens < minimumOutputTokens) {
      return outOfRange('max_output_tokens', maxOutputTokens, minimumOutputTokens, 'minimum');
    }
  }
  return checkNumber(body, 'temperature', 2) ?? checkNumber(body, 'top_p', 1) ?? checkMetadata(body.metadata);
}

function checkNumber(
  body: Record<string, unknown>,
  field: string,
  maximum: number,
): RenderedOpenAIError | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') return invalidType(field, 'a decimal', value);
  if (value < 0) return outOfRange(field, value, 0, 'minimum');
  return value > maximum ? outOfRange(field, value, maximum, 'maximum') : undefined;
}

function checkMetadata(metadata: unknown): RenderedOpenAIError | undefined {
  if (metadata === undefined || metadata === null) return undefined;
  if (!isJsonObject(metadata)) return invalidType('metadata', 'an object', metadata);
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') return invalidType(`metadata.${key}`, 'a string', value);
  }
  return undefined;
}

function validateText(
  text: unknown,
): { text: ResponsesRequest['text'] } | { rejection: RenderedOpenAIError } {
  if (text === undefined || text === null) return { text: { format: { type: 'text' } } };
  if (!isJsonObject(text)) return { rejection: invalidType('text', 'an object', text) };
  const format = text.format ?? { type: 'text' };
  if (!isJsonObject(format)) return { rejection: invalidType('text.format', 'an object', format) };
  if (!formatTypes.includes(format.type as string)) {
    return { rejection: invalidValue('text.format.type', format.type, formatTypes) };
  }
  if (format.type === 'json_schema') {
    // Chat Completions' `{type, json_schema: {name, schema}}` shape lands here too: OpenAI reports the name.
    if (format.name === undefined) return { rejection: missingParameter('text.format.name') };
    if (typeof format.name !== 'string' || !formatNamePattern.test(format.name)) {
      return {
        rejection: renderOpenAIInvalidRequest(
          "Invalid 'text.format.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
          'text.format.name',
          'invalid_value',
        ),
      };
    }
    if (format.schema === undefined) return { rejection: missingParameter('text.format.schema') };
    if (!isJsonObject(format.schema)) {
      return { rejection: invalidType('text.format.schema', 'an object', format.schema) };
    }
  }
  const verbosity = text.verbosity;
  return {
    text: {
      format: format as ResponsesTextFormat,
      ...(typeof verbosity === 'string' ? { verbosity } : {}),
    },
  };
}
