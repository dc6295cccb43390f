import { ApiError } from '../api-error.js';
import { formatPath } from '../openai-wire/parse-openai-chat-request.js';
import { anthropicMessagesRequestSchema, type AnthropicMessagesRequest } from './anthropic-request-schema.js';

/**
 * Untrusted JSON → an Anthropic Messages request, or a 400 naming the field in Anthropic's words
 * (`messages.0.content: Field required`), which the ingress renders in Anthropic's error envelope.
 */
export function parseAnthropicMessagesRequest(body: unknown): AnthropicMessagesRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request_error', 'The request body must be a JSON object.', {
      code: 'invalid_body',
    });
  }
  const result = anthropicMessagesRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(body)';
  const value = issue.path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<PropertyKey, unknown>)[key]
        : undefined,
    body,
  );
  const message =
    value === undefined && issue.code === 'invalid_type'
      ? `${path}: Field required`
      : issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator'
        ? `${path}: Input tag ${JSON.stringify(value)} does not match any of the expected tags`
        : `${path}: ${issue.message}`;
  throw new ApiError(400, 'invalid_request_error', message, {
    code: 'invalid_request',
    param: formatPath(issue.path),
  });
}
