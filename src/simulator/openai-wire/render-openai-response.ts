import type { SimulatedAnswer, SimulatedChoice } from '../simulated-answer.js';
import { createOpenAIToolCallId, type OpenAIResponseMeta } from './openai-response-meta.js';
import { renderOpenAIUsage } from './render-openai-usage.js';

/**
 * A `chat.completion` body, key for key in OpenAI's order (fixtures openai/nonstream-text.json and
 * openai/nonstream-parallel-tool-calls.json), pretty-printed with two spaces as OpenAI sends it.
 */
export function renderOpenAIResponse(answer: SimulatedAnswer, meta: OpenAIResponseMeta): string {
  const body = {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: answer.choices.map(renderChoice),
    usage: renderOpenAIUsage(answer.usage),
    service_tier: 'default',
    system_fingerprint: meta.systemFingerprint,
  };
  return JSON.stringify(body, null, 2);
}

function renderChoice(choice: SimulatedChoice): Record<string, unknown> {
  const hasToolCalls = choice.toolCalls.length > 0;
  // Tool-only turns have `content: null` and `tool_calls` between `content` and `refusal`.
  const message = hasToolCalls
    ? {
        role: 'assistant',
        content: null,
        tool_calls: choice.toolCalls.map((call) => ({
          id: createOpenAIToolCallId(),
          type: 'function',
          function: { name: call.name, arguments: call.argumentTokens.join('') },
        })),
        refusal: null,
        annotations: [],
      }
    : { role: 'assistant', content: choice.textTokens.join(''), refusal: null, annotations: [] };
  return { index: choice.index, message, logprobs: null, finish_reason: choice.finishReason };
}
