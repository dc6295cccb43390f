/**
 * A limited, lenient version of what Anthropic's Messages API returns: only the fields Arbiter reads, all
 * optional and nullable, because new block and event types keep arriving (server tools, citations,
 * `stop_details`). Checked with small guards rather than a schema library: stream events pass through
 * here once each on the hot path.
 * @see ../../../../shared/protocols/PROVIDERS.md §5.4, §5.5, §5.7
 */
export interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  output_tokens_details?: { thinking_tokens?: number | null } | null;
  [extra: string]: unknown;
}

/** A response content block: `text`, `tool_use`, `thinking`, `redacted_thinking`, server-tool blocks. */
export interface AnthropicContentBlock {
  type?: string;
  text?: string | null;
  id?: string | null;
  name?: string | null;
  input?: unknown;
  thinking?: string | null;
  [extra: string]: unknown;
}

/** The `Message` object: a non-streamed answer, or `message_start.message`. */
export interface AnthropicMessage {
  id?: string | null;
  type?: string | null;
  role?: string | null;
  model?: string | null;
  content?: AnthropicContentBlock[] | null;
  stop_reason?: string | null;
  stop_sequence?: string | null;
  usage?: AnthropicUsage | null;
  [extra: string]: unknown;
}

export interface AnthropicStreamDelta {
  type?: string;
  text?: string | null;
  partial_json?: string | null;
  thinking?: string | null;
  stop_reason?: string | null;
  stop_sequence?: string | null;
  [extra: string]: unknown;
}

/** One SSE event's data; its `type` equals the `event:` name. */
export interface AnthropicStreamEvent {
  type?: string;
  message?: AnthropicMessage | null;
  index?: number | null;
  content_block?: AnthropicContentBlock | null;
  delta?: AnthropicStreamDelta | null;
  usage?: AnthropicUsage | null;
  error?: AnthropicErrorDetail | null;
  [extra: string]: unknown;
}

export interface AnthropicErrorDetail {
  type?: string | null;
  message?: string | null;
  /** Seen on spend-limit 429s: `{ error_code: "enforced_spend_limit_reached" }` (PROVIDERS.md §5.7, 2nd). */
  details?: { error_code?: string | null; [extra: string]: unknown } | null;
  [extra: string]: unknown;
}

/** The error envelope `{"type":"error","error":{type,message},"request_id":…}`. */
export interface AnthropicErrorBody {
  type?: string | null;
  error?: AnthropicErrorDetail | null;
  request_id?: string | null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
