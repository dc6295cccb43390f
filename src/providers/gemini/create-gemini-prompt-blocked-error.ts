import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import type { GeminiPromptFeedback } from './gemini-api.js';

/**
 * A prompt Gemini refused to answer (`promptFeedback.blockReason` and no candidates, PROVIDERS.md §6.3)
 * as a `content-filter` ProviderError rather than an empty answer with `finish_reason: content_filter`:
 * nothing was generated, so it must not count as a success for routing, learning or the response cache,
 * and another target may still answer. Azure does the same for a filtered prompt (a 400, §4.3). A block
 * after text was already streamed ends that stream with `content_filter` instead (gemini-stream.ts).
 */
export function createGeminiPromptBlockedError(
  provider: ProviderId,
  feedback: GeminiPromptFeedback,
): ProviderError {
  const reason = feedback.blockReason ?? 'BLOCK_REASON_UNSPECIFIED';
  const detail = feedback.blockReasonMessage ? `: ${feedback.blockReasonMessage}` : '';
  return new ProviderError({
    kind: 'content-filter',
    provider,
    status: 200,
    code: reason,
    message: `${provider} blocked the prompt (${reason})${detail}`,
  });
}
