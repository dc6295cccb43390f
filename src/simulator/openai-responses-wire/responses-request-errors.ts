import { renderOpenAIInvalidRequest, type RenderedOpenAIError } from '../openai-wire/render-openai-error.js';

/**
 * The 400s OpenAI answers a malformed Responses body with: its message templates, the JSON path of the
 * offending field as `param`, and its error codes (`missing_required_parameter`, `invalid_type`, …).
 */
export function missingParameter(param: string): RenderedOpenAIError {
  return renderOpenAIInvalidRequest(
    `Missing required parameter: '${param}'.`,
    param,
    'missing_required_parameter',
  );
}

export function invalidType(param: string, expected: string, value: unknown): RenderedOpenAIError {
  return renderOpenAIInvalidRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${describeJsonType(value)} instead.`,
    param,
    'invalid_type',
  );
}

export function invalidValue(
  param: string,
  value: unknown,
  supported: readonly string[],
): RenderedOpenAIError {
  return renderOpenAIInvalidRequest(
    `Invalid value: '${String(value)}'. Supported values are: ${listInEnglish(supported.map((item) => `'${item}'`))}.`,
    param,
    'invalid_value',
  );
}

/** `integer below minimum value` and its three siblings, with OpenAI's "integer"/"decimal" wording. */
export function outOfRange(
  param: string,
  value: number,
  bound: number,
  side: 'minimum' | 'maximum',
): RenderedOpenAIError {
  const kind = Number.isInteger(value) && Number.isInteger(bound) ? 'integer' : 'decimal';
  const [direction, comparison] = side === 'minimum' ? ['below', '>='] : ['above', '<='];
  return renderOpenAIInvalidRequest(
    `Invalid '${param}': ${kind} ${direction} ${side} value. Expected a value ${comparison} ${bound}, but got ${value} instead.`,
    param,
    `${kind}_${direction}_${side === 'minimum' ? 'min' : 'max'}_value`,
  );
}

/** OpenAI names JSON types with an article and calls non-integral numbers "decimal". */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listInEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}
