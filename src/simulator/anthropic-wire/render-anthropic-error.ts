import { STATUS_CODES } from 'node:http';
import type { SimulatedFailure } from '../simulated-answer.js';

/** One Anthropic error answer: status, `error.type`, `error.message` and extra headers as pairs. */
export interface RenderedAnthropicError {
  status: number;
  type: string;
  message: string;
  headers: string[];
}

const requestsPerMinute = 50;
const tokensPerMinute = 40_000;
const rateLimitsPage = 'https://docs.claude.com/en/api/rate-limits';

/**
 * What Anthropic answers a failure with (PROVIDERS.md §5.7): 401 `authentication_error`, an empty credit
 * balance as a 400 `invalid_request_error`, 404 `not_found_error`, 429 `rate_limit_error` with
 * `retry-after` and `anthropic-ratelimit-*` headers (§5.8), 500 `api_error`, 504 `timeout_error` and,
 * for every overload, 529 `overloaded_error`.
 */
export function renderAnthropicFailure(failure: SimulatedFailure, model: string): RenderedAnthropicError {
  const { status } = failure;
  switch (failure.kind) {
    case 'missing-key':
      return render(401, 'authentication_error', 'x-api-key header is required');
    case 'invalid-key':
      return render(401, 'authentication_error', 'invalid x-api-key');
    case 'quota':
      return render(
        400,
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      );
    case 'rate-limited':
      return renderRateLimit(failure.retryAfterSeconds ?? 1);
    case 'not-found':
      return render(404, 'not_found_error', `model: ${model}`);
    case 'context-length':
      // Fixture anthropic/error-400-prompt-too-long.json.
      return render(status, 'invalid_request_error', 'prompt is too long: 205429 tokens > 200000 maximum');
    case 'bad-request':
      return render(status, 'invalid_request_error', STATUS_CODES[status] ?? 'Invalid request');
    case 'server':
      return render(status, 'api_error', 'Internal server error');
    case 'overloaded':
      return render(529, 'overloaded_error', 'Overloaded');
    case 'timeout':
      return render(status, 'timeout_error', 'Request timeout');
    default: {
      const exhaustive: never = failure.kind;
      throw new Error(`Unknown simulated failure: ${String(exhaustive)}`);
    }
  }
}

/** What Anthropic says about a body that is not JSON. */
export const malformedBodyMessage =
  'There was an error parsing the body of your request: it is not valid JSON.';

/** A 400 for a request Anthropic rejects before running the model. */
export function renderAnthropicInvalidRequest(message: string): RenderedAnthropicError {
  return render(400, 'invalid_request_error', message);
}

function render(status: number, type: string, message: string): RenderedAnthropicError {
  return { status, type, message, headers: [] };
}

function renderRateLimit(retryAfterSeconds: number): RenderedAnthropicError {
  const reset = new Date(Date.now() + retryAfterSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    status: 429,
    type: 'rate_limit_error',
    message:
      `This request would exceed the rate limit for your organization (arbiter-simulator) of ${requestsPerMinute} ` +
      `requests per minute. For details, refer to: ${rateLimitsPage}. You can see the response headers for current ` +
      'usage. Please reduce the prompt length or the maximum tokens requested, or try again later.',
    headers: [
      'retry-after',
      String(retryAfterSeconds),
      'anthropic-ratelimit-requests-limit',
      String(requestsPerMinute),
      'anthropic-ratelimit-requests-remaining',
      '0',
      'anthropic-ratelimit-requests-reset',
      reset,
      'anthropic-ratelimit-tokens-limit',
      String(tokensPerMinute),
      'anthropic-ratelimit-tokens-remaining',
      String(tokensPerMinute),
      'anthropic-ratelimit-tokens-reset',
      now,
    ],
  };
}
