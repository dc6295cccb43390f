import type { ChatRequest } from '../../spec/chat-request.js';
import type { AnthropicRequestBody } from './anthropic-request-body.js';
import type { AnthropicModelTraits } from './get-anthropic-model-traits.js';

/** Extended thinking accepts `top_p` only from 0.95 (Anthropic's extended-thinking guide). */
const minimumTopPWithThinking = 0.95;

/**
 * The sampling parameters to send, or none at all:
 * - models released after Claude Opus 4.6 reject `temperature` ≠ 1, `top_p` < 0.99 and any `top_k` with a
 *   400 (PROVIDERS.md §5.2), so all three are left out for them;
 * - with thinking on, Anthropic rejects `temperature` and `top_k` and a `top_p` below 0.95;
 * - otherwise `temperature` is clamped from OpenAI's 0–2 range into Anthropic's 0–1, and `top_p` (and a
 *   `top_k` some callers add) pass as they are.
 */
export function convertToAnthropicSampling(
  request: ChatRequest,
  traits: AnthropicModelTraits,
  isThinking: boolean,
): Pick<AnthropicRequestBody, 'temperature' | 'top_p' | 'top_k'> {
  if (traits.rejectsSamplingParameters) return {};
  const sampling: Pick<AnthropicRequestBody, 'temperature' | 'top_p' | 'top_k'> = {};
  if (!isThinking && typeof request.temperature === 'number') {
    sampling.temperature = Math.min(1, Math.max(0, request.temperature));
  }
  if (typeof request.top_p === 'number' && (!isThinking || request.top_p >= minimumTopPWithThinking)) {
    sampling.top_p = request.top_p;
  }
  if (!isThinking && typeof request.top_k === 'number') sampling.top_k = request.top_k;
  return sampling;
}
