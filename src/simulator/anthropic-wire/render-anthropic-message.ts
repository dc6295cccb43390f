import type { AnthropicResponseMeta } from './anthropic-response-meta.js';
import type { AnthropicAnswer } from './plan-anthropic-answer.js';

/**
 * A non-streamed `Message`, key for key in the order of fixture anthropic/nonstream-text.json (`model`
 * first, usage with cache counts, `service_tier` and `inference_geo`), compact as the API sends it.
 * A tool call cut short by `max_tokens` keeps whatever input parses, else `{}`.
 */
export function renderAnthropicMessage(answer: AnthropicAnswer, meta: AnthropicResponseMeta): string {
  const content: Array<Record<string, unknown>> = [];
  if (answer.thinkingTokens.length > 0) {
    content.push({ type: 'thinking', thinking: answer.thinkingTokens.join(''), signature: meta.signature });
  }
  if (answer.textTokens.length > 0) content.push({ type: 'text', text: answer.textTokens.join('') });
  answer.toolCalls.forEach((call, index) => {
    content.push({
      type: 'tool_use',
      id: meta.toolUseIds[index],
      name: call.name,
      input: parseInput(call.argumentTokens.join('')),
    });
  });
  return JSON.stringify({
    model: meta.model,
    id: meta.id,
    type: 'message',
    role: 'assistant',
    content,
    stop_reason: answer.stopReason,
    stop_sequence: answer.stopSequence,
    usage: {
      input_tokens: answer.inputTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: answer.outputTokens,
      service_tier: 'standard',
      inference_geo: 'not_available',
    },
  });
}

function parseInput(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}
