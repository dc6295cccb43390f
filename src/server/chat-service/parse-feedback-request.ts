import { z } from 'zod';
import { ApiError } from '../api-error.js';
import { convertIssue } from '../openai-wire/parse-openai-chat-request.js';

/** Comments longer than this are refused: feedback is a note, and every one is stored. */
export const maxCommentLength = 4_000;

const feedbackRequestSchema = z.strictObject({
  request_id: z.string().min(1).max(200),
  score: z.number().min(0).max(1).optional(),
  thumbs: z.enum(['up', 'down']).optional(),
  comment: z.string().max(maxCommentLength).optional(),
});

/** A `POST /feedback` body, checked: the quality as a number in 0..1 whichever form it came in. */
export interface FeedbackRequest {
  requestId: string;
  score: number;
  thumbs?: 'up' | 'down';
  comment?: string;
}

/**
 * Untrusted JSON → a feedback request, or a 400 naming the field. Exactly one of `score` (0..1) and
 * `thumbs` (`up` is 1, `down` is 0) must be given; unknown fields are refused so a typo (`scor`) is not
 * silently a vote without a score.
 */
export function parseFeedbackRequest(body: unknown): FeedbackRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request_error', 'The request body must be a JSON object.', {
      code: 'invalid_body',
    });
  }
  const result = feedbackRequestSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code !== 'unrecognized_keys') throw convertIssue(issue, body as Record<string, unknown>);
    throw new ApiError(
      400,
      'invalid_request_error',
      `Unknown parameter: ${issue.keys.map((key) => `'${key}'`).join(', ')}.`,
      { code: 'unknown_parameter', param: issue.keys[0] ?? null },
    );
  }
  const { request_id: requestId, score, thumbs, comment } = result.data;
  if (score !== undefined && thumbs !== undefined) {
    throw new ApiError(400, 'invalid_request_error', "Give 'score' or 'thumbs', not both.", {
      code: 'invalid_value',
      param: 'thumbs',
    });
  }
  if (score === undefined && thumbs === undefined) {
    throw new ApiError(
      400,
      'invalid_request_error',
      "Missing required parameter: 'score' (a number from 0 to 1) or 'thumbs' ('up' or 'down').",
      { code: 'missing_required_parameter', param: 'score' },
    );
  }
  const feedback: FeedbackRequest = { requestId, score: score ?? (thumbs === 'up' ? 1 : 0) };
  if (thumbs !== undefined) feedback.thumbs = thumbs;
  if (comment !== undefined) feedback.comment = comment;
  return feedback;
}
