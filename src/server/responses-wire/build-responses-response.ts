import type { Usage } from '../../spec/usage.js';
import type { ResponsesRequest } from './responses-request-schema.js';

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

export interface ResponseParts {
  id: string;
  createdAt: number;
  model: string;
  status: ResponseStatus;
  output: Array<Record<string, unknown>>;
  usage?: Usage;
  incompleteReason?: 'max_output_tokens' | 'content_filter';
  error?: { code: string; message: string };
}

/**
 * A Response object (OpenAI spec `Response`): the answer's own fields plus the request's settings echoed
 * back the way OpenAI does, so clients that read them (the SDK's `output_text`, Codex, the AI SDK) work.
 */
export function buildResponsesResponse(
  request: ResponsesRequest,
  parts: ResponseParts,
): Record<string, unknown> {
  const isDone = parts.status !== 'in_progress';
  return {
    id: parts.id,
    object: 'response',
    created_at: parts.createdAt,
    status: parts.status,
    completed_at: parts.status === 'completed' ? Math.floor(Date.now() / 1000) : null,
    error: parts.error ?? null,
    incomplete_details: parts.incompleteReason ? { reason: parts.incompleteReason } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    model: parts.model,
    output: parts.output,
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    reasoning: { effort: request.reasoning?.effort ?? null, summary: null },
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? 1,
    truncation: 'disabled',
    ...(isDone && parts.usage ? { usage: convertUsageToResponses(parts.usage) } : {}),
    ...(request.user ? { user: request.user } : {}),
    metadata: request.metadata ?? {},
  };
}

export function convertUsageToResponses(usage: Usage): Record<string, unknown> {
  return {
    input_tokens: usage.prompt_tokens,
    input_tokens_details: {
      cached_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
      cache_write_tokens: usage.prompt_tokens_details?.cache_write_tokens ?? 0,
    },
    output_tokens: usage.completion_tokens,
    output_tokens_details: { reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0 },
    total_tokens: usage.total_tokens,
  };
}
