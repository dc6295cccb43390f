import type { SimulatedFailure } from '../simulated-answer.js';

/** A Google RPC error, ready to send: the HTTP status and the `error` object of the envelope. */
export interface RenderedGeminiError {
  status: number;
  error: { code: number; message: string; status: string; details?: Array<Record<string, unknown>> };
}

const rpc = 'type.googleapis.com/google.rpc.';
const minuteQuota = 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier';
const dayQuota = 'GenerateRequestsPerDayPerProjectPerModel-FreeTier';

/**
 * A planned failure as Gemini sends it (PROVIDERS.md §6.5): the Google RPC envelope with the status name
 * for the HTTP status, and the typed details clients read: `ErrorInfo.reason: API_KEY_INVALID` on a 400
 * for a bad key (fixture error-400-api-key-invalid.json), `QuotaFailure` + `RetryInfo.retryDelay` on a
 * 429 (fixture error-429-resource-exhausted.json; a quota key gets a per-day quota id).
 */
export function renderGeminiFailure(failure: SimulatedFailure, model: string): RenderedGeminiError {
  switch (failure.kind) {
    case 'missing-key':
      return render(
        403,
        'PERMISSION_DENIED',
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    case 'invalid-key':
      return render(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        {
          '@type': `${rpc}ErrorInfo`,
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
        {
          '@type': `${rpc}LocalizedMessage`,
          locale: 'en-US',
          message: 'API key not valid. Please pass a valid API key.',
        },
      ]);
    case 'rate-limited':
    case 'quota':
      return render(
        429,
        'RESOURCE_EXHAUSTED',
        'You exceeded your current quota, please check your plan and billing details.',
        [
          {
            '@type': `${rpc}QuotaFailure`,
            violations: [{ quotaId: failure.kind === 'quota' ? dayQuota : minuteQuota }],
          },
          { '@type': `${rpc}RetryInfo`, retryDelay: `${failure.retryAfterSeconds ?? 60}s` },
        ],
      );
    case 'not-found':
      return renderGeminiNotFound(model, 'generateContent');
    case 'context-length':
      return render(
        400,
        'INVALID_ARGUMENT',
        'The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).',
      );
    case 'bad-request':
      return renderGeminiInvalidArgument('Request contains an invalid argument.');
    case 'server':
      return render(
        failure.status >= 500 ? failure.status : 500,
        'INTERNAL',
        'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
      );
    case 'overloaded':
      return render(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
    case 'timeout':
      return render(504, 'DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.');
    default: {
      const exhaustive: never = failure.kind;
      throw new Error(`Unknown simulated failure: ${String(exhaustive)}`);
    }
  }
}

/** The 404 for an unknown model (fixture recording-stream-error-404.json). */
export function renderGeminiNotFound(model: string, method: string): RenderedGeminiError {
  return render(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
  );
}

/** A 400 for a request Gemini rejects before running the model. */
export function renderGeminiInvalidArgument(message: string): RenderedGeminiError {
  return render(400, 'INVALID_ARGUMENT', message);
}

function render(
  code: number,
  status: string,
  message: string,
  details?: Array<Record<string, unknown>>,
): RenderedGeminiError {
  return { status: code, error: details ? { code, message, status, details } : { code, message, status } };
}
