import { z } from 'zod';
import type { EmbeddingRequest } from '../../spec/embedding.js';
import { ApiError } from '../api-error.js';
import { formatPath } from './parse-openai-chat-request.js';

const embeddingsRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([
    z.string().min(1),
    z.array(z.string()).min(1),
    z.array(z.number().int()).min(1),
    z.array(z.array(z.number().int()).min(1)).min(1),
  ]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().min(1).optional(),
  user: z.string().optional(),
});

/** Untrusted JSON → an embeddings request, or a 400 naming the field. @see PROVIDERS.md §7.5 */
export function parseOpenAIEmbeddingsRequest(body: unknown): EmbeddingRequest {
  const result = embeddingsRequestSchema.safeParse(body);
  if (result.success) return result.data as EmbeddingRequest;
  const issue = result.error.issues[0]!;
  const param = formatPath(issue.path);
  const isMissing =
    issue.path.length === 1 &&
    (body as Record<string, unknown> | null)?.[String(issue.path[0])] === undefined;
  throw new ApiError(
    400,
    'invalid_request_error',
    isMissing
      ? `Missing required parameter: '${param}'.`
      : `Invalid '${param}': expected a non-empty string, an array of strings, or token arrays.`,
    { code: isMissing ? 'missing_required_parameter' : 'invalid_value', param },
  );
}
