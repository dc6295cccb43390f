/**
 * Token usage in OpenAI's `CompletionUsage` shape, so it can be placed in a response as it is.
 * Provider folders convert their own counts into this (see their `convert-*-usage.ts`).
 */
export interface Usage {
  /** Input tokens, including cached ones. */
  prompt_tokens: number;
  /** Output tokens, including reasoning tokens. */
  completion_tokens: number;
  /** `prompt_tokens + completion_tokens` unless the provider says otherwise. */
  total_tokens: number;
  prompt_tokens_details?: {
    /** Input tokens served from the provider's prompt cache. */
    cached_tokens?: number;
    /** Input tokens written to the provider's prompt cache (Anthropic cache creation). */
    cache_write_tokens?: number;
    audio_tokens?: number;
  };
  completion_tokens_details?: {
    /** Output tokens spent on hidden reasoning. */
    reasoning_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  };
}
