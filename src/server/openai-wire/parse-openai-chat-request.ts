import type { z } from 'zod';
import type { ChatRequest } from '../../spec/chat-request.js';
import { ApiError } from '../api-error.js';
import { openAIChatRequestSchema } from './openai-request-schema.js';

/**
 * Untrusted JSON → ChatRequest, or a 400 ApiError that names the field and says what was expected, in
 * the words OpenAI's own API uses (`Missing required parameter: 'messages'.`).
 */
export function parseOpenAIChatRequest(body: unknown): ChatRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request_error', 'The request body must be a JSON object.', {
      code: 'invalid_body',
    });
  }
  const result = openAIChatRequestSchema.safeParse(body);
  if (!result.success) throw convertIssue(result.error.issues[0]!, body as Record<string, unknown>);
  return result.data as ChatRequest;
}

/** One zod issue as the 400 OpenAI would answer, naming the field (shared by the chat-service bodies). */
export function convertIssue(issue: z.core.$ZodIssue, body: Record<string, unknown>): ApiError {
  const param = formatPath(issue.path);
  const received = describeValue(getAt(body, issue.path));
  const invalid = (message: string, code: string): ApiError =>
    new ApiError(400, 'invalid_request_error', message, { code, param });
  switch (issue.code) {
    case 'invalid_type':
      if (received === 'nothing')
        return invalid(`Missing required parameter: '${param}'.`, 'missing_required_parameter');
      return invalid(
        `Invalid type for '${param}': expected ${article(issue.expected)}, but got ${received} instead.`,
        'invalid_type',
      );
    case 'too_small':
      if (issue.origin === 'array') {
        return invalid(
          `Invalid '${param}': empty array. Expected an array with at least ${issue.minimum} item(s).`,
          'empty_array',
        );
      }
      return invalid(
        `Invalid '${param}': expected a value >= ${issue.minimum}, but got ${received} instead.`,
        'value_below_minimum',
      );
    case 'too_big':
      return invalid(
        `Invalid '${param}': expected a value <= ${issue.maximum}, but got ${received} instead.`,
        'value_above_maximum',
      );
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : undefined;
      if (options) {
        return invalid(
          `Invalid value for '${param}': ${received} is not one of ${options.map((option) => `'${String(option)}'`).join(', ')}.`,
          'invalid_value',
        );
      }
      return invalid(
        `Invalid type for '${param}': ${received} is not any of the accepted shapes.`,
        'invalid_type',
      );
    }
    case 'invalid_value':
      return invalid(
        `Invalid value for '${param}': ${received} is not one of ${issue.values.map((value) => `'${String(value)}'`).join(', ')}.`,
        'invalid_value',
      );
    default:
      return invalid(`Invalid '${param}': ${issue.message}.`, 'invalid_value');
  }
}

/** `['messages', 0, 'content']` → `messages[0].content`, as OpenAI names parameters. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let result = '';
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else result += result === '' ? String(segment) : `.${String(segment)}`;
  }
  return result || '(body)';
}

function getAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : `'${value}'`;
  if (typeof value === 'number') return String(value);
  return `a ${typeof value}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
