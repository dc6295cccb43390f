import { z } from 'zod';
import { evaluatorNames } from '../../competition/contest-options.js';
import type { ChatMessage } from '../../spec/chat-request.js';
import { ApiError } from '../api-error.js';
import { convertIssue, parseOpenAIChatRequest } from '../openai-wire/parse-openai-chat-request.js';
import { maxContenders, maxDeadlineInMs } from './read-contest-options.js';

const namesSchema = z.array(z.string().min(1)).min(1).max(maxContenders);

/** The fields every competition body has (`/compete`, the dashboard's arena): the conversation and who competes. */
export const competitionBodyShape = {
  prompt: z.string().min(1).nullish(),
  /** Chat Completions messages, for a conversation rather than one prompt. */
  messages: z.array(z.unknown()).min(1).nullish(),
  system_prompt: z.string().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  contenders: namesSchema.nullish(),
  evaluator: z.enum(evaluatorNames).nullish(),
};

/**
 * The `/compete` body: the original brief's `{prompt, temperature}`, plus `messages` instead of a
 * prompt, who competes (`contenders`: route or `provider/model` names; or `providers`), the evaluator
 * and the deadline (`timeout_ms`). Strict, like `/chat`: a typo is a 400 naming the field.
 */
export const competeRequestSchema = z.strictObject({
  ...competitionBodyShape,
  /** Provider names (their default models) or any other contender names; `contenders` wins. */
  providers: namesSchema.nullish(),
  timeout_ms: z.number().int().min(1).max(maxDeadlineInMs).nullish(),
});

export type CompeteRequest = z.infer<typeof competeRequestSchema> & { messages: ChatMessage[] };

/** What `parseCompetitionBody` needs of a schema's output to build the conversation. */
type ConversationFields = Pick<z.infer<typeof competeRequestSchema>, 'prompt' | 'messages' | 'system_prompt'>;

/** Untrusted JSON → a `/compete` request with its conversation as messages, or a 400 naming the field. */
export function parseCompeteRequest(body: unknown): CompeteRequest {
  return parseCompetitionBody(competeRequestSchema, body);
}

/**
 * Untrusted JSON → a competition body of `schema` (strict), with exactly one of `prompt` and `messages`
 * turned into the conversation (the system prompt first), or a 400 naming the field.
 */
export function parseCompetitionBody<Schema extends z.ZodType<ConversationFields>>(
  schema: Schema,
  body: unknown,
): z.infer<Schema> & { messages: ChatMessage[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request_error', 'The request body must be a JSON object.', {
      code: 'invalid_body',
    });
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      throw new ApiError(400, 'invalid_request_error', `Unknown parameter: '${issue.keys[0]}'.`, {
        code: 'unknown_parameter',
        param: issue.keys[0] ?? null,
      });
    }
    throw convertIssue(issue, body as Record<string, unknown>);
  }
  const parsed = result.data;
  if ((parsed.prompt == null) === (parsed.messages == null)) {
    throw new ApiError(400, 'invalid_request_error', "Give either 'prompt' or 'messages' (exactly one).", {
      code: parsed.prompt == null ? 'missing_required_parameter' : 'invalid_value',
      param: 'prompt',
    });
  }
  // Messages are checked exactly as /v1/chat/completions checks them, with the same messages.
  const messages = parsed.messages
    ? parseOpenAIChatRequest({ model: 'compete', messages: parsed.messages }).messages
    : [{ role: 'user' as const, content: parsed.prompt! }];
  const system: ChatMessage[] = parsed.system_prompt
    ? [{ role: 'system', content: parsed.system_prompt }]
    : [];
  return { ...parsed, messages: [...system, ...messages] };
}
