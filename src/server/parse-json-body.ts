import { exceedsJsonDepth } from '../lib/exceeds-json-depth.js';
import { ApiError } from './api-error.js';

/**
 * Deeper than any real request (tool schemas included) and far from where serializers overflow the
 * stack (a few thousand levels), which would otherwise fail every upstream attempt as a server error.
 */
export const maxBodyDepth = 256;

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
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      400,
      'invalid_request_error',
      `We could not parse the JSON body of your request (${detail}). Send valid JSON with Content-Type: application/json.`,
      { code: 'invalid_json' },
    );
  }
  if (exceedsJsonDepth(value, maxBodyDepth)) {
    throw new ApiError(
      400,
      'invalid_request_error',
      `The request body nests arrays or objects more than ${maxBodyDepth} levels deep; this gateway accepts at most ${maxBodyDepth}.`,
      { code: 'body_too_deep' },
    );
  }
  return value;
}
