/**
 * A limited, lenient version of what OpenAI-compatible hosts return: only the fields Arbiter reads, all
 * optional, because hosts omit fields freely (Mistral has no `type` or `index` on tool calls, Azure's
 * first stream chunk has empty `choices`). Checked with small guards rather than a schema library: these
 * run once per stream chunk on the hot path.
 */
export interface OpenAICompatibleUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null; [extra: string]: unknown } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null; [extra: string]: unknown } | null;
  /** DeepSeek's own cache counters. */
  prompt_cache_hit_tokens?: number | null;
  [extra: string]: unknown;
}

export interface OpenAICompatibleToolCallDelta {
  index?: number;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | Record<string, unknown> | null } | null;
}

export interface OpenAICompatibleMessage {
  role?: string;
  /** A string, or (Mistral reasoning models) an array of `text` / `thinking` parts. */
  content?: string | Array<{ type?: string; text?: string; thinking?: unknown }> | null;
  /** DeepSeek and xAI. */
  reasoning_content?: string | null;
  /** Groq and Ollama's /v1. */
  reasoning?: string | null;
  tool_calls?: OpenAICompatibleToolCallDelta[] | null;
  refusal?: string | null;
  [extra: string]: unknown;
}

export interface OpenAICompatibleChoice {
  index?: number;
  message?: OpenAICompatibleMessage;
  delta?: OpenAICompatibleMessage;
  finish_reason?: string | null;
  logprobs?: unknown;
  [extra: string]: unknown;
}

export interface OpenAICompatibleChunk {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  system_fingerprint?: string | null;
  choices?: OpenAICompatibleChoice[] | null;
  usage?: OpenAICompatibleUsage | null;
  /** Groq puts stream usage here too. */
  x_groq?: { usage?: OpenAICompatibleUsage | null } | null;
  error?: unknown;
  [extra: string]: unknown;
}

/** The error envelope variants: OpenAI's, Azure's (`code` as a string), OpenRouter's (`code` a number). */
export interface OpenAICompatibleErrorBody {
  error?:
    | {
        message?: string;
        type?: string | null;
        param?: string | null;
        code?: string | number | null;
        metadata?: unknown;
      }
    | string;
  message?: string;
  detail?: unknown;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
