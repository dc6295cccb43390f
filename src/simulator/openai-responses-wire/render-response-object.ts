import type { SimulatedUsage } from '../simulated-answer.js';
import type { ResponsesOutputItem } from './plan-responses-output.js';
import type { ResponsesRequest, ResponsesTextFormat, ResponsesTool } from './responses-wire-types.js';

/** What every event and body of one response repeats. */
export interface ResponsesMeta {
  /** `resp_` and 48 hex digits. */
  id: string;
  /** Unix seconds. */
  createdAt: number;
  /** The model as the caller named it (OpenAI would resolve aliases to a dated id). */
  model: string;
}

/** Where the response stands: while streaming, at its end, or after a failure. */
export interface ResponsesOutcome {
  status: 'in_progress' | 'completed' | 'incomplete' | 'failed';
  output: ResponsesOutputItem[];
  /** Absent until the response ends: the spec's `ResponseUsage` is not nullable. */
  usage?: SimulatedUsage;
  error?: { code: 'server_error'; message: string };
}

/** The `response` object, as returned, stored and carried by the stream's lifecycle events. */
export type ResponseObject = ReturnType<typeof renderResponseObject>;

/**
 * A Response, key for key in OpenAI's order, echoing the request's settings with OpenAI's defaults
 * (spec `Response` example; fields for features the simulator lacks are their neutral values).
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */
export function renderResponseObject(
  meta: ResponsesMeta,
  request: ResponsesRequest,
  outcome: ResponsesOutcome,
) {
  const { status, usage } = outcome;
  return {
    id: meta.id,
    object: 'response' as const,
    created_at: meta.createdAt,
    status,
    background: false,
    completed_at: status === 'completed' ? Math.max(meta.createdAt, Math.floor(Date.now() / 1000)) : null,
    error: outcome.error ?? null,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' as const } : null,
    instructions: request.instructions,
    max_output_tokens: request.max_output_tokens,
    max_tool_calls: null,
    model: meta.model,
    output: outcome.output,
    parallel_tool_calls: request.parallel_tool_calls,
    previous_response_id: request.previous_response_id,
    prompt_cache_key: null,
    prompt_cache_retention: null,
    reasoning: { effort: null, summary: null },
    safety_identifier: null,
    service_tier: 'default' as const,
    store: request.store,
    temperature: request.temperature,
    text: { format: echoTextFormat(request.text.format), verbosity: request.text.verbosity ?? 'medium' },
    tool_choice: request.tool_choice,
    tools: request.tools.map(echoTool),
    top_logprobs: 0,
    top_p: request.top_p,
    truncation: 'disabled' as const,
    ...(usage === undefined ? {} : { usage: renderResponsesUsage(usage) }),
    ...(request.user === undefined ? {} : { user: request.user }),
    metadata: request.metadata,
  };
}

/** Responses usage; the simulator has no prompt cache and no reasoning, so those details are 0. */
export function renderResponsesUsage(usage: SimulatedUsage) {
  return {
    input_tokens: usage.promptTokens,
    // The spec requires `cache_write_tokens` beside `cached_tokens`.
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens: usage.completionTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
}

/** Function tools come back with every field filled; `strict` defaults to true on the Responses API. */
function echoTool(tool: ResponsesTool): ResponsesTool {
  if (tool.type !== 'function') return tool;
  return {
    type: 'function',
    description: tool.description ?? null,
    name: tool.name,
    parameters: tool.parameters ?? null,
    strict: tool.strict ?? true,
  };
}

function echoTextFormat(format: ResponsesTextFormat): ResponsesTextFormat {
  if (format.type !== 'json_schema') return { type: format.type };
  return {
    type: 'json_schema',
    ...(typeof format.description === 'string' ? { description: format.description } : {}),
    name: format.name,
    schema: format.schema,
    strict: format.strict ?? false,
  };
}
