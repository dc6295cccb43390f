import { renderOpenAIInvalidRequest, type RenderedOpenAIError } from '../openai-wire/render-openai-error.js';
import type { SimulatorState } from '../simulator-state.js';
import { getResponsesStore } from './responses-store.js';
import type { ResponsesItem } from './responses-wire-types.js';

/**
 * The conversation to answer: with `previous_response_id`, the stored response's conversation and
 * output before this input. Every `function_call_output` must answer a call made in it.
 */
export function readResponsesConversation(
  state: SimulatorState,
  previousResponseId: string | null,
  input: readonly ResponsesItem[],
): { items: ResponsesItem[] } | { rejection: RenderedOpenAIError } {
  const items: ResponsesItem[] = [];
  if (previousResponseId !== null) {
    const previous = getResponsesStore(state).get(previousResponseId);
    if (previous === undefined) {
      const message = `Previous response with id '${previousResponseId}' not found.`;
      const rendered = renderOpenAIInvalidRequest(
        message,
        'previous_response_id',
        'previous_response_not_found',
      );
      return { rejection: { ...rendered, status: 404 } };
    }
    items.push(...previous.conversation, ...previous.response.output);
  }
  items.push(...input);
  const callIds = new Set(items.flatMap((item) => (item.type === 'function_call' ? [item.call_id] : [])));
  const unanswered = items.find((item) => item.type === 'function_call_output' && !callIds.has(item.call_id));
  if (unanswered?.type === 'function_call_output') {
    const message = `No tool call found for function call output with call_id ${unanswered.call_id}.`;
    return { rejection: renderOpenAIInvalidRequest(message, 'input', null) };
  }
  return { items };
}
