import type { ArbiterConfig } from '../config/arbiter-config.js';
import type { Target } from '../routing/target.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ProviderCall } from '../spec/provider-adapter.js';

/** One target's provider call for a chat request. */
export function toProviderCall(request: ChatRequest, target: Target, signal: AbortSignal): ProviderCall {
  return {
    request,
    model: target.model,
    credential: target.credential,
    baseUrl: target.baseUrl,
    signal,
    headers: target.headers,
  };
}

/** `TEMPERATURE_DEFAULT` and `MAX_TOKENS_DEFAULT` fill what the caller left out, nothing more. */
export function applyRequestDefaults(request: ChatRequest, config: ArbiterConfig): ChatRequest {
  const { temperature, maxTokens } = config.requestDefaults;
  const needsTemperature = temperature !== undefined && request.temperature == null;
  const needsMaxTokens =
    maxTokens !== undefined && request.max_tokens == null && request.max_completion_tokens == null;
  if (!needsTemperature && !needsMaxTokens) return request;
  return {
    ...request,
    ...(needsTemperature ? { temperature } : {}),
    ...(needsMaxTokens ? { max_tokens: maxTokens } : {}),
  };
}
