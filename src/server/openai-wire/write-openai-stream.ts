import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { FinishReason } from '../../spec/finish-reason.js';
import type { Usage } from '../../spec/usage.js';
import { createId } from '../../lib/create-id.js';
import type { ApiError } from '../api-error.js';
import type { SSEWriter } from '../create-sse-writer.js';

export interface OpenAIStreamOptions {
  /** Honour `stream_options.include_usage`: `"usage":null` on every chunk and one usage chunk at the end. */
  includeUsage: boolean;
  /** The model name to show when the upstream did not say one. */
  fallbackModel: string;
  /** Turns a failure after the commit point into the error event's body. */
  toApiError: (error: unknown) => ApiError;
}

export interface StreamSummary {
  finishReason?: FinishReason;
  usage?: Usage;
  error?: ApiError;
  /** The text deltas as they went out (for counting tokens when no usage came, and LOG_RESPONSES). */
  text: string[];
}

/**
 * Stream parts as OpenAI `chat.completion.chunk` events (PROVIDERS.md §2.5, §2.9): a role chunk per choice,
 * content / reasoning / tool-call deltas, a finish chunk with an empty delta, the usage chunk only when
 * the caller asked for it, and `data: [DONE]`. A failure after the first byte becomes
 * `data: {"error":…}` and the stream ends without `[DONE]`, as OpenAI does, so no client mistakes it for a
 * complete answer. Chunks are assembled from a prebuilt prefix; only the content is JSON-encoded per chunk.
 */
export async function writeOpenAIStream(
  writer: SSEWriter,
  parts: AsyncIterable<ChatStreamPart>,
  options: OpenAIStreamOptions,
): Promise<StreamSummary> {
  let id = '';
  let model = '';
  let created = 0;
  let fingerprint = '';
  let prefix: string | undefined;
  const usageSuffix = options.includeUsage ? ',"usage":null}\n\n' : '}\n\n';
  const startedChoices = new Set<number>();
  const summary: StreamSummary = { text: [] };

  const event = (choicesJson: string): string => {
    prefix ??= `data: {"id":${JSON.stringify(id || createId('chatcmpl-'))},"object":"chat.completion.chunk","created":${created || Math.floor(Date.now() / 1000)},"model":${JSON.stringify(model || options.fallbackModel)},${fingerprint}"choices":`;
    return prefix + choicesJson + usageSuffix;
  };
  const choice = (index: number, delta: string, finishReason: string | null = null): string =>
    `[{"index":${index},"delta":${delta},"logprobs":null,"finish_reason":${finishReason === null ? 'null' : `"${finishReason}"`}}]`;
  const start = (index: number): string => {
    if (startedChoices.has(index)) return '';
    startedChoices.add(index);
    return event(choice(index, '{"role":"assistant","content":""}'));
  };

  try {
    for await (const part of parts) {
      let text: string;
      switch (part.type) {
        case 'response-metadata':
          id ||= part.id ?? '';
          model ||= part.model ?? '';
          created ||= part.created ?? 0;
          if (part.systemFingerprint && !fingerprint)
            fingerprint = `"system_fingerprint":${JSON.stringify(part.systemFingerprint)},`;
          continue;
        case 'text-delta':
          summary.text.push(part.text);
          text =
            start(part.choiceIndex) +
            event(choice(part.choiceIndex, `{"content":${JSON.stringify(part.text)}}`));
          break;
        case 'reasoning-delta':
          text =
            start(part.choiceIndex) +
            event(choice(part.choiceIndex, `{"reasoning_content":${JSON.stringify(part.text)}}`));
          break;
        case 'tool-call-delta': {
          const head = part.id !== undefined ? `"id":${JSON.stringify(part.id)},"type":"function",` : '';
          const name = part.name !== undefined ? `"name":${JSON.stringify(part.name)},` : '';
          const call = `{"index":${part.toolCallIndex},${head}"function":{${name}"arguments":${JSON.stringify(part.argumentsDelta)}}}`;
          text = start(part.choiceIndex) + event(choice(part.choiceIndex, `{"tool_calls":[${call}]}`));
          break;
        }
        case 'finish':
          summary.finishReason = part.finishReason;
          text = start(part.choiceIndex) + event(choice(part.choiceIndex, '{}', part.finishReason));
          break;
        case 'usage':
          summary.usage = part.usage;
          continue;
        case 'error':
          throw part.error;
        case 'continuation': {
          // A chunk with no choices (as the usage chunk) that clients ignore, but that says plainly where
          // the answer broke off and who finished it; usage then covers only the finishing target.
          const flag = {
            event: 'continued',
            from: part.fromTargetId.split('@')[0],
            to: part.toTargetId.split('@')[0],
            reason: part.reason,
          };
          text = `${event('[]').slice(0, -usageSuffix.length)},"arbiter":${JSON.stringify(flag)}}\n\n`;
          break;
        }
        default: {
          const _exhaustiveCheck: never = part;
          throw new Error(`unknown stream part ${JSON.stringify(_exhaustiveCheck)}`);
        }
      }
      // Only a full socket buffer makes the producer wait; otherwise no promise round trip per part.
      const drained = writer.write(text);
      if (drained) await drained;
    }
  } catch (error) {
    summary.error = options.toApiError(error);
    const body = {
      error: {
        message: summary.error.message,
        type: summary.error.type,
        param: summary.error.param,
        code: summary.error.code,
      },
    };
    writer.end(`data: ${JSON.stringify(body)}\n\n`);
    return summary;
  }
  let tail = '';
  if (options.includeUsage && summary.usage) {
    tail += `${event('[]').slice(0, -usageSuffix.length)},"usage":${JSON.stringify(summary.usage)}}\n\n`;
  }
  writer.end(`${tail}data: [DONE]\n\n`);
  return summary;
}
