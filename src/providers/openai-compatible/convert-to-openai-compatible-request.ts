import type { ChatRequest } from '../../spec/chat-request.js';
import type { OpenAICompatibleConfig } from './openai-compatible-config.js';
import { shortenToolCallIds } from './shorten-tool-call-ids.js';

/**
 * The upstream body for an OpenAI-compatible host: the caller's request as it came (unknown fields
 * included), with the upstream model id, and, for streams, usage always requested (so accounting works
 * even when the caller did not ask for it; the ingress drops the usage chunk in that case).
 */
export function convertToOpenAICompatibleRequest(
  request: ChatRequest,
  model: string,
  isStream: boolean,
  config: OpenAICompatibleConfig,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...request, model, messages: shortenToolCallIds(request.messages) };
  if (isStream) {
    body.stream = true;
    if (config.supportsStreamOptions === false) delete body.stream_options;
    else body.stream_options = { ...request.stream_options, include_usage: true };
  } else {
    delete body.stream_options;
    if (body.stream !== undefined) body.stream = false;
  }
  return config.transformRequestBody ? config.transformRequestBody(body, model) : body;
}
