import { ApiError } from '../api-error.js';
import { formatPath } from '../openai-wire/parse-openai-chat-request.js';
import { responsesRequestSchema, type ResponsesRequest } from './responses-request-schema.js';

/** Untrusted JSON → a Responses request, or a 400 naming the field in OpenAI's words. */
export function parseResponsesRequest(body: unknown): ResponsesRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request_error', 'The request body must be a JSON object.', {
      code: 'invalid_body',
    });
  }
  const result = responsesRequestSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const param = formatPath(issue.path);
    const isMissing =
      issue.code === 'invalid_type' && (body as Record<string, unknown>)[String(issue.path[0])] === undefined;
    throw new ApiError(
      400,
      'invalid_request_error',
      isMissing ? `Missing required parameter: '${param}'.` : `Invalid '${param}': ${issue.message}.`,
      {
        code: isMissing ? 'missing_required_parameter' : 'invalid_value',
        param,
      },
    );
  }
  if (result.data.background === true) {
    throw new ApiError(
      400,
      'invalid_request_error',
      'Background mode is not supported by this gateway: send the request without `background` and stream it instead.',
      {
        code: 'unsupported_parameter',
        param: 'background',
      },
    );
  }
  return result.data;
}
