import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { FinishReason } from '../../spec/finish-reason.js';
import type { Usage } from '../../spec/usage.js';
import { createId } from '../../lib/create-id.js';
import type { SSEEvent } from '../sse-event.js';
import { buildResponsesResponse } from './build-responses-response.js';
import {
  createFunctionCallItem,
  createMessageItem,
  getResponseStatus,
} from './convert-chat-response-to-responses.js';
import type { ResponsesRequest } from './responses-request-schema.js';

export interface ResponsesStreamOptions {
  request: ResponsesRequest;
  id: string;
  createdAt: number;
  fallbackModel: string;
  /** Receives the final Response object (completed, incomplete or failed). */
  onEnd: (response: Record<string, unknown>) => void;
}

/**
 * A chat stream as the Responses API's typed events, each with its `sequence_number`: created,
 * in_progress, then per output item added → deltas → done, then completed (or incomplete). A failure
 * becomes `error` followed by `response.failed`, which carries the ProviderError for the router.
 */
export async function* convertChatStreamToResponses(
  parts: AsyncIterable<ChatStreamPart>,
  options: ResponsesStreamOptions,
): AsyncGenerator<SSEEvent> {
  let sequence = 0;
  let model = '';
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;
  const output: Array<Record<string, unknown>> = [];
  let open:
    | { kind: 'text'; id: string; text: string }
    | { kind: 'call'; id: string; callId: string; name: string; args: string; index: number }
    | undefined;
  const event = (type: string, data: Record<string, unknown>): SSEEvent => ({
    event: type,
    data: JSON.stringify({ type, ...data, sequence_number: sequence++ }),
  });
  const response = (extra: Parameters<typeof buildResponsesResponse>[1]) =>
    buildResponsesResponse(options.request, extra);
  const base = () => ({
    id: options.id,
    createdAt: options.createdAt,
    model: model || options.fallbackModel,
  });

  function* close(): Generator<SSEEvent> {
    if (!open) return;
    const outputIndex = output.length;
    if (open.kind === 'text') {
      const part = { type: 'output_text', text: open.text, annotations: [], logprobs: [] };
      yield event('response.output_text.done', {
        item_id: open.id,
        output_index: outputIndex,
        content_index: 0,
        text: open.text,
        logprobs: [],
      });
      yield event('response.content_part.done', {
        item_id: open.id,
        output_index: outputIndex,
        content_index: 0,
        part,
      });
      output.push(createMessageItem(open.id, open.text, 'completed'));
    } else {
      yield event('response.function_call_arguments.done', {
        item_id: open.id,
        output_index: outputIndex,
        arguments: open.args,
        name: open.name,
      });
      output.push(createFunctionCallItem(open.id, open.callId, open.name, open.args, 'completed'));
    }
    yield event('response.output_item.done', { output_index: outputIndex, item: output.at(-1) });
    open = undefined;
  }

  let isStarted = false;
  for await (const part of parts) {
    if (part.type === 'response-metadata') {
      model ||= part.model ?? '';
      continue;
    }
    if (!isStarted) {
      isStarted = true;
      yield event('response.created', {
        response: response({ ...base(), status: 'in_progress', output: [] }),
      });
      yield event('response.in_progress', {
        response: response({ ...base(), status: 'in_progress', output: [] }),
      });
    }
    if (part.type === 'error') {
      const error = { code: part.error.code ?? part.error.kind, message: part.error.message };
      yield event('error', { code: error.code, message: error.message, param: null });
      const failed = response({ ...base(), status: 'failed', output, error });
      options.onEnd(failed);
      yield { ...event('response.failed', { response: failed }), error: part.error };
      return;
    }
    if (part.type === 'usage') usage = part.usage;
    else if (part.type === 'finish') finishReason = part.finishReason;
    else if (part.type === 'text-delta' && part.choiceIndex === 0) {
      if (open?.kind !== 'text') {
        yield* close();
        open = { kind: 'text', id: createId('msg_'), text: '' };
        yield event('response.output_item.added', {
          output_index: output.length,
          item: { id: open.id, type: 'message', status: 'in_progress', role: 'assistant', content: [] },
        });
        yield event('response.content_part.added', {
          item_id: open.id,
          output_index: output.length,
          content_index: 0,
          part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
        });
      }
      open.text += part.text;
      yield event('response.output_text.delta', {
        item_id: open.id,
        output_index: output.length,
        content_index: 0,
        delta: part.text,
        logprobs: [],
      });
    } else if (part.type === 'tool-call-delta' && part.choiceIndex === 0) {
      if (open?.kind !== 'call' || open.index !== part.toolCallIndex) {
        yield* close();
        open = {
          kind: 'call',
          id: createId('fc_'),
          callId: part.id ?? createId('call_'),
          name: part.name ?? '',
          args: '',
          index: part.toolCallIndex,
        };
        yield event('response.output_item.added', {
          output_index: output.length,
          item: createFunctionCallItem(open.id, open.callId, open.name, '', 'in_progress'),
        });
      }
      if (part.argumentsDelta !== '') {
        open.args += part.argumentsDelta;
        yield event('response.function_call_arguments.delta', {
          item_id: open.id,
          output_index: output.length,
          delta: part.argumentsDelta,
        });
      }
    }
  }
  yield* close();
  const status = getResponseStatus(finishReason);
  const final = response({ ...base(), ...status, output, usage });
  options.onEnd(final);
  yield {
    ...event(status.status === 'completed' ? 'response.completed' : 'response.incomplete', {
      response: final,
    }),
    usage,
  };
}
