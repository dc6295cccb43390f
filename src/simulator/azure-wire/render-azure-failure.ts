import type { SimulatedFailure } from '../simulated-answer.js';
import { renderOpenAIFailure } from '../openai-wire/render-openai-error.js';

export interface RenderedAzureError {
  status: number;
  error: object;
  /** Extra response headers as name/value pairs. */
  headers: string[];
}

/** Which operation failed, as Azure names it in rate-limit messages. */
export interface AzureOperation {
  name: 'ChatCompletions_Create' | 'Embeddings_Create';
  apiVersion: string;
}

const accessDenied =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for ' +
  'an active subscription and use a correct regional API endpoint for your resource.';

/**
 * Azure's answer to a failure (PROVIDERS.md §4.3): its own envelope (`code` as a string, no `type`) for
 * keys, quotas, rate limits and missing deployments; what it passes through from the OpenAI service for
 * the rest (server errors, context length), which is OpenAI's body.
 */
export function renderAzureFailure(
  failure: SimulatedFailure,
  deployment: string,
  operation: AzureOperation,
): RenderedAzureError {
  switch (failure.kind) {
    case 'missing-key':
    case 'invalid-key':
      return { status: 401, error: { code: '401', message: accessDenied }, headers: [] };
    case 'quota':
      // Azure has no billing 429; a spent free-tier quota is Cognitive Services' 403.
      return {
        status: 403,
        error: {
          code: '403',
          message:
            'Out of call volume quota for OpenAI F0 pricing tier. Please retry after 1 day. To increase your call ' +
            'volume switch to a paid tier.',
        },
        headers: [],
      };
    case 'rate-limited':
      return renderRateLimit(failure.retryAfterSeconds ?? 1, operation);
    case 'not-found':
      return renderDeploymentNotFound();
    default: {
      return renderOpenAIFailure(failure, deployment);
    }
  }
}

/** 404 for a deployment the resource does not have. */
export function renderDeploymentNotFound(): RenderedAzureError {
  return {
    status: 404,
    error: {
      code: 'DeploymentNotFound',
      message:
        'The API deployment for this resource does not exist. If you created the deployment within the last 5 ' +
        'minutes, please wait a moment and try again.',
    },
    headers: [],
  };
}

/**
 * Fixture azure-openai/error-429-token-rate-limit.json, worded for the simulated wait, with the headers
 * of azure-openai/error-429-rate-limit-with-headers.http plus `retry-after(-ms)`.
 */
function renderRateLimit(retryAfterSeconds: number, operation: AzureOperation): RenderedAzureError {
  const unit = retryAfterSeconds === 1 ? 'second' : 'seconds';
  return {
    status: 429,
    error: {
      code: '429',
      message:
        `Requests to the ${operation.name} Operation under Azure OpenAI API version ${operation.apiVersion} have ` +
        `exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${retryAfterSeconds} ` +
        `${unit}. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the ` +
        'default rate limit.',
    },
    headers: [
      'retry-after',
      String(retryAfterSeconds),
      'retry-after-ms',
      String(retryAfterSeconds * 1000),
      'x-ratelimit-limit-requests',
      '8',
      'x-ratelimit-limit-tokens',
      '8000',
      'x-ratelimit-remaining-requests',
      '0',
      'x-ratelimit-remaining-tokens',
      '0',
    ],
  };
}
