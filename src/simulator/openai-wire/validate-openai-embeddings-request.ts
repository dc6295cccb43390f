import type { SimulatedEmbeddingInput } from './plan-simulated-embeddings.js';
import { renderOpenAIInvalidRequest, type RenderedOpenAIError } from './render-openai-error.js';

/** What the embeddings endpoint needs, once checked. */
export interface OpenAIEmbeddingsRequest {
  model: string;
  inputs: SimulatedEmbeddingInput[];
  encodingFormat: 'float' | 'base64';
  dimensions?: number;
}

/** OpenAI's limit on inputs per request. */
const maxInputs = 2048;
const invalidInput =
  "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.";

/**
 * Checks an embeddings body the way OpenAI rejects it with a 400: no model, no input, an empty string or
 * list, more than 2048 inputs, an unknown `encoding_format`, `dimensions` below 1 (or on
 * `text-embedding-ada-002`, which cannot shorten its vectors).
 */
export function validateOpenAIEmbeddingsRequest(
  body: unknown,
): { request: OpenAIEmbeddingsRequest; rejection?: undefined } | { rejection: RenderedOpenAIError } {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const { model, input, encoding_format: encodingFormat, dimensions } = request;
  if (typeof model !== 'string' || model === '') {
    return { rejection: renderOpenAIInvalidRequest('you must provide a model parameter', null, null) };
  }
  if (input === undefined || input === null) {
    return {
      rejection: renderOpenAIInvalidRequest(
        "Missing required parameter: 'input'.",
        'input',
        'missing_required_parameter',
      ),
    };
  }
  const inputs = readInputs(input);
  if (inputs === undefined || inputs.length > maxInputs) {
    return { rejection: renderOpenAIInvalidRequest(invalidInput, null, null) };
  }
  if (encodingFormat !== undefined && encodingFormat !== 'float' && encodingFormat !== 'base64') {
    return {
      rejection: renderOpenAIInvalidRequest(
        `'${String(encodingFormat)}' is not one of ['float', 'base64'] - 'encoding_format'`,
        null,
        null,
      ),
    };
  }
  if (dimensions !== undefined) {
    if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1) {
      return {
        rejection: renderOpenAIInvalidRequest(
          `Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got ${String(dimensions)} instead.`,
          'dimensions',
          'integer_below_min_value',
        ),
      };
    }
    if (model === 'text-embedding-ada-002') {
      return {
        rejection: renderOpenAIInvalidRequest(
          'This model does not support specifying dimensions.',
          null,
          null,
        ),
      };
    }
  }
  return {
    request: {
      model,
      inputs,
      encodingFormat: encodingFormat ?? 'float',
      dimensions: dimensions as number | undefined,
    },
  };
}

/** A string, a list of strings, a token list, or a list of token lists; undefined when none of these or empty. */
function readInputs(input: unknown): SimulatedEmbeddingInput[] | undefined {
  if (typeof input === 'string') return input === '' ? undefined : [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every(isTokenId)) return [input as number[]];
  const isValid = input.every(
    (item) =>
      (typeof item === 'string' && item !== '') ||
      (Array.isArray(item) && item.length > 0 && item.every(isTokenId)),
  );
  return isValid ? (input as SimulatedEmbeddingInput[]) : undefined;
}

function isTokenId(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
