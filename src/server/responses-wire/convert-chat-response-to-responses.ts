import type { ChatResponse } from '../../spec/chat-response.js';
import type { FinishReason } from '../../spec/finish-reason.js';
import { createId } from '../../lib/create-id.js';
import type { ResponseParts } from './build-responses-response.js';

/** The output items of a chat answer: one message item for the text, one `function_call` item per call. */
export function convertChatResponseToOutput(response: ChatResponse): Array<Record<string, unknown>> {
  const message = response.choices[0]?.message;
  const output: Array<Record<string, unknown>> = [];
  if (message?.content) output.push(createMessageItem(createId('msg_'), message.content, 'completed'));
  for (const call of message?.tool_calls ?? []) {
    output.push(
      createFunctionCallItem(
        createId('fc_'),
        call.id,
        call.function.name,
        call.function.arguments,
        'completed',
      ),
    );
  }
  return output;
}

export function createMessageItem(id: string, text: string, status: string): Record<string, unknown> {
  return {
    id,
    type: 'message',
    status,
    role: 'assistant',
    content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
  };
}

export function createFunctionCallItem(
  id: string,
  callId: string,
  name: string,
  args: string,
  status: string,
): Record<string, unknown> {
  return { id, type: 'function_call', status, arguments: args, call_id: callId, name };
}

/** How a chat finish reason ends a response: cut answers are `incomplete`, as OpenAI reports them. */
export function getResponseStatus(
  reason: FinishReason | null | undefined,
): Pick<ResponseParts, 'status' | 'incompleteReason'> {
  if (reason === 'length') return { status: 'incomplete', incompleteReason: 'max_output_tokens' };
  if (reason === 'content_filter') return { status: 'incomplete', incompleteReason: 'content_filter' };
  return { status: 'completed' };
}
