import { ApiError } from './api-error.js';

/**
 * The body parser for every content type: request bodies are JSON whatever the client declared (curl's
 * `-d` says `application/x-www-form-urlencoded`), parsed once with the native parser. Fastify enforces the
 * size limit before this runs.
 */
export function parseJSONBody(body: Buffer): unknown {
  if (body.length === 0) {
    throw new ApiError(400, 'invalid_request_error', 'The request body is empty; send a JSON object.', {
      code: 'invalid_body',
    });
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      400,
      'invalid_request_error',
      `We could not parse the JSON body of your request (${detail}). Send valid JSON with Content-Type: application/json.`,
      { code: 'invalid_json' },
    );
  }
}
