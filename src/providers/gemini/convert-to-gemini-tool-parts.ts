import type { TextContentPart, ToolCall } from '../../spec/chat-request.js';
import { isObject, type GeminiRequestPart } from './gemini-api.js';
import { getThoughtSignatureFromToolCallId } from './gemini-tool-call-id.js';

/**
 * An assistant tool call as a `functionCall` part, its thought signature restored from the id
 * (gemini-tool-call-id.ts) or, failing that, from `extra_content.google.thought_signature`, where
 * Google's own OpenAI-compatible endpoint puts it (https://ai.google.dev/gemini-api/docs/thought-signatures,
 * "OpenAI compatibility"), so callers that kept that field work too.
 *
 * `args` must be a JSON object (a protobuf Struct). Arguments that are empty become `{}`; arguments that
 * are not a JSON object (a call cut short by `finish_reason: length`, or a model's invalid JSON) are sent
 * as `{"arguments": "<the raw string>"}`: the model still sees what was called, and a conversation is
 * not failed over one broken call in its history.
 */
export function convertToGeminiFunctionCall(call: ToolCall): GeminiRequestPart {
  const signature = getThoughtSignatureFromToolCallId(call.id) ?? getExtraContentSignature(call);
  const functionCall = { name: call.function.name, args: parseArguments(call.function.arguments) };
  return signature === undefined ? { functionCall } : { functionCall, thoughtSignature: signature };
}

/**
 * A tool result as a `functionResponse` part. `response` must be an object: content that is a JSON
 * object goes as it is; anything else (plain text, a number, an array) is wrapped as `{"output": "<the
 * content>"}`, the key Google's function-calling guide uses for a function's output.
 */
export function convertToGeminiFunctionResponse(
  name: string,
  content: string | TextContentPart[] | null,
): GeminiRequestPart {
  const text = typeof content === 'string' ? content : (content ?? []).map((part) => part.text).join('');
  let response: Record<string, unknown> = { output: text };
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) response = parsed;
  } catch {
    // Plain text stays wrapped.
  }
  return { functionResponse: { name, response } };
}

function parseArguments(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return parsed;
  } catch {
    // Falls through to the wrapped raw text.
  }
  return { arguments: text };
}

function getExtraContentSignature(call: ToolCall): string | undefined {
  const extra = (call as ToolCall & { extra_content?: unknown }).extra_content;
  const google = isObject(extra) ? extra.google : undefined;
  const signature = isObject(google) ? google.thought_signature : undefined;
  return typeof signature === 'string' && signature !== '' ? signature : undefined;
}
