import { isProviderError } from '../spec/provider-error.js';
import { AllAttemptsFailedError } from '../routing/all-attempts-failed-error.js';
import { CallerCancelledError } from '../routing/attempt-context.js';
import { RouteError } from '../routing/route-error.js';
import { TenancyError } from '../security/tenancy-error.js';
import { convertTenancyError } from './auth/convert-tenancy-error.js';
import { ApiError } from './api-error.js';
import { convertAllAttemptsFailed, type FailureContext } from './convert-all-attempts-failed.js';
import { convertProviderError } from './convert-provider-error.js';

/**
 * Any error from handling a request, as the answer the caller gets: one mapping point for the whole
 * HTTP surface. Upstream messages pass through `redact`, so a provider echoing a key cannot leak it.
 */
export function convertToApiError(error: unknown, context: FailureContext, bodyLimitInBytes = 0): ApiError {
  const { redact } = context;
  if (error instanceof ApiError) return error;
  if (error instanceof CallerCancelledError) {
    // Nobody reads this answer; the status is for the log line (nginx's 499 'client closed request').
    return new ApiError(499, 'cancelled', error.message, { code: 'client_closed_request' });
  }
  if (error instanceof RouteError) {
    const status = error.code === 'model_ambiguous' || error.code === 'no_target_fits' ? 400 : 404;
    return new ApiError(status, 'invalid_request_error', error.message, { code: error.code, param: 'model' });
  }
  if (error instanceof AllAttemptsFailedError) return convertAllAttemptsFailed(error, context);
  if (error instanceof TenancyError) return convertTenancyError(error);
  if (isProviderError(error)) return convertProviderError(error, redact(error.message));
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    return convertFastifyError(
      fastifyError.statusCode,
      fastifyError.code,
      fastifyError.message ?? 'bad request',
      bodyLimitInBytes,
    );
  }
  return new ApiError(
    500,
    'server_error',
    'Arbiter failed unexpectedly while handling this request; the error is in the gateway log.',
    { code: 'internal_error' },
  );
}

function convertFastifyError(
  status: number,
  code: string | undefined,
  message: string,
  bodyLimitInBytes: number,
): ApiError {
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new ApiError(
      413,
      'invalid_request_error',
      `The request body is larger than this gateway accepts (${bodyLimitInBytes} bytes); raise ARBITER_MAX_BODY_BYTES to allow more.`,
      { code: 'request_too_large' },
    );
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ApiError(
      415,
      'invalid_request_error',
      'Send the request body as JSON (Content-Type: application/json).',
      { code: 'unsupported_media_type' },
    );
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new ApiError(400, 'invalid_request_error', 'The request body is empty; send a JSON object.', {
      code: 'invalid_body',
    });
  }
  return new ApiError(status, 'invalid_request_error', message, {
    code: code?.toLowerCase() ?? 'bad_request',
  });
}
