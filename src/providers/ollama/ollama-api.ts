/**
 * A limited, lenient version of Ollama's native API (`api/types.go`): only the fields Arbiter reads or
 * writes, optional where Ollama omits them (`omitempty` counts vanish when 0, `done_reason` is absent on
 * older servers, tool calls carry `id` only on newer ones). Checked with small guards, not a schema
 * library, because the stream converter runs once per NDJSON line.
 * @see ../../../../shared/protocols/PROVIDERS.md §7
 */

/** A tool call as Ollama writes it: `arguments` is a JSON object, not a string. */
export interface OllamaToolCall {
  id?: string | null;
  function?: {
    index?: number | null;
    name?: string | null;
    arguments?: Record<string, unknown> | string | null;
  } | null;
}

/** The assistant message of one response object (a whole answer, or one delta of a stream). */
export interface OllamaResponseMessage {
  role?: string;
  content?: string | null;
  /** Reasoning text in think mode. */
  thinking?: string | null;
  tool_calls?: OllamaToolCall[] | null;
}

/** One `/api/chat` response object; a stream is a sequence of them, the last with `done: true`. */
export interface OllamaChatChunk {
  model?: string;
  /** RFC 3339 with nanoseconds, e.g. `2023-08-04T08:52:19.385406455-07:00`. */
  created_at?: string;
  message?: OllamaResponseMessage | null;
  done?: boolean;
  /** `stop`, `length`, `load` or `unload`. */
  done_reason?: string | null;
  prompt_eval_count?: number | null;
  eval_count?: number | null;
  /** A failure: `{"error": "..."}` as a whole body or as a line of a stream. */
  error?: unknown;
  [extra: string]: unknown;
}

/** A message as Arbiter sends it to `/api/chat`. */
export interface OllamaRequestMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** Raw base64, without a `data:` prefix. */
  images?: string[];
  thinking?: string;
  tool_calls?: Array<{
    id: string;
    function: { index: number; name: string; arguments: Record<string, unknown> };
  }>;
  /** On `tool` messages: the function whose result this is (Ollama matches results by name). */
  tool_name?: string;
  tool_call_id?: string;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
