import { createOpenAIToolCallId } from '../openai-wire/openai-response-meta.js';
import type { SimulatedAnswer } from '../simulated-answer.js';
import { createResponsesId } from './responses-ids.js';

/**
 * The output items of one answer with their ids fixed, so that the stream's events and the final
 * Response name the same items: one `message` for text, one `function_call` per tool call.
 */
export interface ResponsesOutputPlan {
  items: PlannedOutputItem[];
  /** `incomplete` when `max_output_tokens` cut the answer. */
  status: 'completed' | 'incomplete';
}

export type PlannedOutputItem =
  | { type: 'message'; id: string; tokens: readonly string[]; isComplete: boolean }
  | {
      type: 'function_call';
      id: string;
      callId: string;
      name: string;
      argumentTokens: readonly string[];
      isComplete: boolean;
    };

/** A type alias rather than an interface, so that it reads as an input `ResponsesContentPart`. */
export type OutputTextPart = {
  type: 'output_text';
  annotations: [];
  logprobs: [];
  text: string;
};

/** A rendered output item, key for key in OpenAI's order; it is also a valid input item. */
export type ResponsesOutputItem =
  | { id: string; type: 'message'; status: ItemStatus; content: OutputTextPart[]; role: 'assistant' }
  | {
      id: string;
      type: 'function_call';
      status: ItemStatus;
      arguments: string;
      call_id: string;
      name: string;
    };

type ItemStatus = 'in_progress' | 'completed' | 'incomplete';

/** The Responses API has no `n`: the planner's single choice is the answer. */
export function planResponsesOutput(answer: SimulatedAnswer): ResponsesOutputPlan {
  const choice = answer.choices[0]!;
  const isCut = choice.finishReason === 'length';
  const items: PlannedOutputItem[] = choice.toolCalls.map((call) => ({
    type: 'function_call',
    id: createResponsesId('fc_'),
    callId: createOpenAIToolCallId(),
    name: call.name,
    argumentTokens: call.argumentTokens,
    // Only the call whose arguments the limit cut is incomplete; no prefix of a JSON object parses.
    isComplete: !isCut || isJson(call.argumentTokens.join('')),
  }));
  if (choice.toolCalls.length === 0 && choice.textTokens.length > 0) {
    items.push({
      type: 'message',
      id: createResponsesId('msg_'),
      tokens: choice.textTokens,
      isComplete: !isCut,
    });
  }
  return { items, status: isCut ? 'incomplete' : 'completed' };
}

/** The item as `response.output_item.added` shows it (`in_progress`, empty) or as it ends. */
export function renderResponsesOutputItem(item: PlannedOutputItem, isDone: boolean): ResponsesOutputItem {
  const status: ItemStatus = !isDone ? 'in_progress' : item.isComplete ? 'completed' : 'incomplete';
  if (item.type === 'message') {
    const content = isDone ? [renderOutputTextPart(item.tokens.join(''))] : [];
    return { id: item.id, type: 'message', status, content, role: 'assistant' };
  }
  return {
    id: item.id,
    type: 'function_call',
    status,
    arguments: isDone ? item.argumentTokens.join('') : '',
    call_id: item.callId,
    name: item.name,
  };
}

export function renderOutputTextPart(text: string): OutputTextPart {
  return { type: 'output_text', annotations: [], logprobs: [], text };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
