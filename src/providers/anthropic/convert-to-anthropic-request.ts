import type { ChatRequest } from '../../spec/chat-request.js';
import type { ProviderId } from '../../spec/provider-id.js';
import type { AnthropicOutputConfig, AnthropicRequestBody } from './anthropic-request-body.js';
import { createAnthropicBadRequest } from './anthropic-error.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';
import { convertToAnthropicSampling } from './convert-to-anthropic-sampling.js';
import { convertToAnthropicThinking } from './convert-to-anthropic-thinking.js';
import { convertToAnthropicTools } from './convert-to-anthropic-tools.js';
import { getAnthropicModelTraits } from './get-anthropic-model-traits.js';

/**
 * Anthropic has no JSON mode; `response_format: {type:"json_object"}` becomes this instruction at the end
 * of the system prompt (PROVIDERS.md §5.3). `json_schema` has a real equivalent, `output_config.format`.
 */
export const jsonObjectInstruction =
  'Respond with a single valid JSON object and nothing else: no text before or after it and no Markdown code fences.';

/**
 * An OpenAI-shaped request as a Messages API body (PROVIDERS.md §5.3). `max_completion_tokens ??
 * max_tokens` becomes the required `max_tokens`, or the model's output maximum when the caller set none
 * (what OpenAI would allow); `stop` becomes `stop_sequences` (whitespace-only ones, which Anthropic
 * refuses, are left out); `user` becomes `metadata.user_id`. `n > 1` is refused with a bad-request, since
 * Anthropic answers one choice; `logprobs`, `seed`, penalties, `logit_bias` and fields Anthropic does not
 * know are left out, because Anthropic rejects unknown fields.
 */
export function convertToAnthropicRequest(
  request: ChatRequest,
  model: string,
  isStream: boolean,
  provider: ProviderId,
): AnthropicRequestBody {
  if ((request.n ?? 1) > 1) {
    throw createAnthropicBadRequest(
      provider,
      `${provider} generates one choice per request; n must be 1`,
      'n',
    );
  }
  const traits = getAnthropicModelTraits(model);
  const converted = convertToAnthropicMessages(request.messages, provider);
  const { tools, tool_choice } = convertToAnthropicTools(request);
  const callerLimit = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const limit = callerLimit ?? traits.defaultMaxTokens;
  // Anthropic refuses thinking together with a forced tool choice; the caller's explicit choice wins.
  const isToolForced = tool_choice?.type === 'any' || tool_choice?.type === 'tool';
  const thinking = isToolForced
    ? { maxTokens: limit }
    : convertToAnthropicThinking(request.reasoning_effort, traits, limit, callerLimit !== undefined);
  const isThinking = thinking.thinking !== undefined && thinking.thinking.type !== 'disabled';

  const format = request.response_format;
  const system =
    format?.type === 'json_object'
      ? [converted.system, jsonObjectInstruction].filter(Boolean).join('\n')
      : converted.system;
  const stops = (typeof request.stop === 'string' ? [request.stop] : (request.stop ?? [])).filter(
    (sequence) => sequence.trim() !== '',
  );
  const outputConfig: AnthropicOutputConfig = {
    ...(thinking.effort ? { effort: thinking.effort } : {}),
    ...(format?.type === 'json_schema'
      ? { format: { type: 'json_schema', schema: format.json_schema.schema ?? { type: 'object' } } }
      : {}),
  };

  const body: AnthropicRequestBody = {
    model,
    max_tokens: thinking.maxTokens,
    ...(system !== undefined ? { system } : {}),
    messages: converted.messages,
    ...(stops.length > 0 ? { stop_sequences: stops } : {}),
    ...convertToAnthropicSampling(request, traits, isThinking),
    ...(tools ? { tools } : {}),
    ...(tool_choice ? { tool_choice } : {}),
    ...(thinking.thinking ? { thinking: thinking.thinking } : {}),
    ...(Object.keys(outputConfig).length > 0 ? { output_config: outputConfig } : {}),
    ...(request.user ? { metadata: { user_id: request.user } } : {}),
  };
  if (isStream) body.stream = true;
  return body;
}
