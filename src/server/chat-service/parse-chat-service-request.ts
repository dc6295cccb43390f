import type { z } from 'zod';
import { ApiError } from '../api-error.js';
import { convertIssue } from '../openai-wire/parse-openai-chat-request.js';
import {
  chatBatchRequestSchema,
  chatServiceRequestSchema,
  type ChatBatchRequest,
  type ChatServiceRequest,
} from './chat-service-request-schema.js';

/** A `/chat` body with its text under one name, `message`. */
export type ParsedChatServiceRequest = ChatServiceRequest & { message: string };

/**
 * Untrusted JSON → a `/chat` request, or a 400 in OpenAI's error format naming the field. Exactly one of
 * `message` and `prompt` must be given.
 */
export function parseChatServiceRequest(body: unknown): ParsedChatServiceRequest {
  const parsed = parseWith(chatServiceRequestSchema, body);
  const message = parsed.message ?? parsed.prompt;
  if (message == null) {
    throw new ApiError(400, 'invalid_request_error', "Missing required parameter: 'message' (or 'prompt').", {
      code: 'missing_required_parameter',
      param: 'message',
    });
  }
  if (parsed.message != null && parsed.prompt != null) {
    throw new ApiError(400, 'invalid_request_error', "Give 'message' or 'prompt', not both.", {
      code: 'invalid_value',
      param: 'prompt',
    });
  }
  return { ...parsed, message };
}

/** Untrusted JSON → a `/chat/batch` request (its items are parsed one by one when they run). */
export function parseChatBatchRequest(body: unknown): ChatBatchRequest {
  return parseWith(chatBatchRequestSchema, body);
}

function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request_error', 'The request body must be a JSON object.', {
      code: 'invalid_body',
    });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `'${key}'`).join(', ');
    throw new ApiError(400, 'invalid_request_error', `Unknown parameter: ${names}.`, {
      code: 'unknown_parameter',
      param: issue.keys[0] ?? null,
    });
  }
  throw convertIssue(issue, body as Record<string, unknown>);
}
