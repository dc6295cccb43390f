import { z } from 'zod';
import { competitionBodyShape, parseCompetitionBody } from '../competition/parse-compete-request.js';
import { maxDeadlineInMs } from '../competition/read-contest-options.js';

/**
 * The `POST /admin/arena` body: `/compete`'s conversation and contenders (`prompt` or `messages`,
 * `system_prompt`, `temperature`, `max_tokens`, `contenders`, `evaluator`) with the deadline as
 * `deadline_ms`, the name the chat APIs' contest field has. Strict: a typo is a 400 naming the field.
 */
export const arenaRequestSchema = z.strictObject({
  ...competitionBodyShape,
  deadline_ms: z.number().int().min(1).max(maxDeadlineInMs).nullish(),
});

/** Untrusted JSON → an arena request with its conversation as messages, or a 400 naming the field. */
export function parseArenaRequest(body: unknown) {
  return parseCompetitionBody(arenaRequestSchema, body);
}
