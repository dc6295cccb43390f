import { STATUS_CODES } from 'node:http';
import type { SimulatedFailure } from '../simulated-answer.js';

/** OpenAI's error envelope (PROVIDERS.md §2.6). `param`/`code` are absent on server errors. */
export interface OpenAIError {
  message: string;
  type: string;
  param?: string | null;
  code?: string | null;
}

export interface RenderedOpenAIError {
  status: number;
  error: OpenAIError;
  /** Extra response headers as name/value pairs. */
  headers: string[];
}

const apiKeysPage = 'https://platform.openai.com/account/api-keys';
const rateLimitsPage = 'https://platform.openai.com/account/rate-limits';
const requestsPerMinute = 60;
const tokensPerMinute = 150_000;

/** The body, status and headers OpenAI answers a failure with. */
export function renderOpenAIFailure(failure: SimulatedFailure, model: string): RenderedOpenAIError {
  const { status } = failure;
  switch (failure.kind) {
    case 'missing-key':
      return {
        status,
        error: {
          message:
            "You didn't provide an API key. You need to provide your API key in an Authorization header using " +
            'Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if ' +
            "you're accessing the API from your browser and are prompted for a username and password. You can " +
            `obtain an API key from ${apiKeysPage}.`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
        headers: [],
      };
    case 'invalid-key':
      return {
        status,
        error: {
          message: `Incorrect API key provided: ${maskApiKey(failure.apiKey ?? '')}. You can find your API key at ${apiKeysPage}.`,
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
        headers: [],
      };
    case 'quota':
      // Fixture openai/error-429-insufficient-quota.json: no retry-after, because waiting does not help.
      return {
        status,
        error: {
          message:
            'You exceeded your current quota, please check your plan and billing details. For more information on ' +
            'this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
        headers: [],
      };
    case 'rate-limited':
      return renderRateLimit(failure.retryAfterSeconds ?? 1, model, status);
    case 'not-found':
      return {
        status,
        error: {
          message: `The model \`${model}\` does not exist or you do not have access to it.`,
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
        headers: [],
      };
    case 'context-length':
      return {
        status,
        error: {
          message:
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 " +
            'tokens. Please reduce the length of the messages.',
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
        headers: [],
      };
    case 'bad-request':
      return {
        status,
        error: {
          message: STATUS_CODES[status] ?? 'Bad Request',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
        headers: [],
      };
    // Fixture openai/error-500-server-error.json: server errors carry only `message` and `type`.
    case 'server':
      return {
        status,
        error: {
          message: 'The server had an error while processing your request. Sorry about that!',
          type: 'server_error',
        },
        headers: [],
      };
    case 'overloaded':
      return {
        status,
        error: { message: 'The server is overloaded or not ready yet.', type: 'server_error' },
        headers: [],
      };
    case 'timeout':
      return { status, error: { message: 'Request timed out.', type: 'server_error' }, headers: [] };
    default: {
      const exhaustive: never = failure.kind;
      throw new Error(`Unknown simulated failure: ${String(exhaustive)}`);
    }
  }
}

/** A 400 for a request OpenAI would reject before running the model. */
export function renderOpenAIInvalidRequest(
  message: string,
  param: string | null,
  code: string | null,
): RenderedOpenAIError {
  return { status: 400, error: { message, type: 'invalid_request_error', param, code }, headers: [] };
}

/** OpenAI echoes a wrong key with all but its first 3 and last 4 characters masked. */
export function maskApiKey(apiKey: string): string {
  if (apiKey.length <= 8) return '*'.repeat(apiKey.length);
  return `${apiKey.slice(0, 3)}${'*'.repeat(apiKey.length - 7)}${apiKey.slice(-4)}`;
}

/**
 * A request-per-minute limit hit, shaped like fixture openai/error-429-rate-limit-tpm.json but for
 * requests, with the `x-ratelimit-*` headers of PROVIDERS.md §2.7 (the request budget is exhausted).
 */
function renderRateLimit(retryAfterSeconds: number, model: string, status: number): RenderedOpenAIError {
  return {
    status,
    error: {
      message:
        `Rate limit reached for ${model} in organization org-arbitersimulator on requests per min (RPM): ` +
        `Limit ${requestsPerMinute}, Used ${requestsPerMinute}, Requested 1. Please try again in ` +
        `${retryAfterSeconds}s. Visit ${rateLimitsPage} to learn more.`,
      type: 'requests',
      param: null,
      code: 'rate_limit_exceeded',
    },
    headers: [
      'retry-after',
      String(retryAfterSeconds),
      'x-ratelimit-limit-requests',
      String(requestsPerMinute),
      'x-ratelimit-limit-tokens',
      String(tokensPerMinute),
      'x-ratelimit-remaining-requests',
      '0',
      'x-ratelimit-remaining-tokens',
      String(tokensPerMinute),
      'x-ratelimit-reset-requests',
      `${retryAfterSeconds}s`,
      'x-ratelimit-reset-tokens',
      '0s',
    ],
  };
}
