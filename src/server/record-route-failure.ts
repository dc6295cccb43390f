import { AllAttemptsFailedError } from '../routing/all-attempts-failed-error.js';
import type { ApiError } from './api-error.js';
import type { RequestRecord } from './record-request.js';
import type { ServerContext } from './server-context.js';

/**
 * What a route does with the error that ended it, before answering in its own format: the ApiError the
 * caller gets, with the request's log entry given its status, code and every attempt tried. An error
 * nobody expected (an `internal_error`) is logged with its stack, since the caller only sees a message.
 * @example const apiError = recordRouteFailure(context, entry, error); sendOpenAIError(reply, apiError, requestId);
 */
export function recordRouteFailure(context: ServerContext, entry: RequestRecord, error: unknown): ApiError {
  const apiError = context.toApiError(error);
  if (error instanceof AllAttemptsFailedError) entry.attempts = error.attempts;
  entry.status = apiError.status;
  entry.errorCode = apiError.code;
  if (apiError.code === 'internal_error')
    context.logger.error({ err: error, reqId: entry.requestId }, 'unexpected error');
  return apiError;
}
