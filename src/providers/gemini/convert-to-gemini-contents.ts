import type { AssistantMessage, ChatMessage, ToolCall } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { isObject, type GeminiContent, type GeminiRequestPart } from './gemini-api.js';
import {
  convertToGeminiFunctionCall,
  convertToGeminiFunctionResponse,
} from './convert-to-gemini-tool-parts.js';
import { convertToGeminiUserParts } from './convert-to-gemini-user-parts.js';

/**
 * Google's documented stand-in for a signature a client cannot give back ("transferring a trace from a
 * different model", https://ai.google.dev/gemini-api/docs/thought-signatures, FAQ; also what vercel/ai's
 * Google provider injects for Gemini 3 replays since @ai-sdk/google 3.0.80).
 */
const skipThoughtSignatureValidator = 'skip_thought_signature_validator';

export interface GeminiConversation {
  systemInstruction?: { parts: Array<{ text: string }>; role: 'user' };
  contents: GeminiContent[];
}

/**
 * OpenAI messages as Gemini `contents` (PROVIDERS.md §6.2): system and developer messages go to
 * `systemInstruction` (wherever they stand); assistant turns become `model` turns; tool results become
 * `functionResponse` parts of a `user` turn, named after the call they answer, which is found in the
 * assistant turns of the same request because OpenAI tool messages carry only `tool_call_id`; consecutive
 * turns of one role are merged, so parallel tool results share one `user` turn, as Gemini expects.
 * With `isSignatureRequired` (Gemini 3), a model turn whose function calls carry no thought signature
 * (history from another provider, or ids a client rewrote) gets the documented skip value on its first
 * call, where Gemini puts the signature of parallel calls; otherwise Gemini 3 answers 400.
 */
export function convertToGeminiContents(
  messages: readonly ChatMessage[],
  options: { provider: ProviderId; isSignatureRequired: boolean },
): GeminiConversation {
  const { provider } = options;
  const toolNames = collectToolNames(messages);
  const systemParts: Array<{ text: string }> = [];
  const contents: GeminiContent[] = [];
  const append = (role: GeminiContent['role'], parts: GeminiRequestPart[]): void => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, index) => {
    switch (message.role) {
      case 'system':
      case 'developer':
        if (typeof message.content === 'string') systemParts.push({ text: message.content });
        else systemParts.push(...message.content.map((part) => ({ text: part.text })));
        break;
      case 'user':
        append('user', convertToGeminiUserParts(message.content, index, provider));
        break;
      case 'assistant':
        append('model', convertAssistantParts(message));
        break;
      case 'tool': {
        const name = toolNames.get(message.tool_call_id);
        if (name === undefined) {
          throw new ProviderError({
            kind: 'bad-request',
            provider,
            message: `messages[${index}] answers tool call "${message.tool_call_id}", which no assistant message in this request made; ${provider} needs the function's name`,
            param: `messages[${index}].tool_call_id`,
          });
        }
        append('user', [convertToGeminiFunctionResponse(name, message.content)]);
        break;
      }
      case 'function':
        append('user', [convertToGeminiFunctionResponse(message.name, message.content)]);
        break;
      default: {
        const _exhaustiveCheck: never = message;
        throw new Error(`unknown message role ${String((_exhaustiveCheck as { role: unknown }).role)}`);
      }
    }
  });
  if (options.isSignatureRequired) addMissingSignatures(contents);
  return {
    ...(systemParts.length > 0 ? { systemInstruction: { parts: systemParts, role: 'user' } } : {}),
    contents,
  };
}

/**
 * `reasoning_content` is not sent back: as text Gemini would take it for the answer, and the model's
 * reasoning state travels in thought signatures instead.
 */
function convertAssistantParts(message: AssistantMessage): GeminiRequestPart[] {
  const parts: GeminiRequestPart[] = [];
  const content = message.content;
  if (typeof content === 'string') {
    if (content !== '') parts.push({ text: content });
  } else if (Array.isArray(content)) {
    for (const part of content) {
      const text = part.type === 'text' ? part.text : part.refusal;
      if (text !== '') parts.push({ text });
    }
  }
  for (const call of message.tool_calls ?? []) parts.push(convertToGeminiFunctionCall(call));
  const legacyCall = getLegacyFunctionCall(message);
  if (legacyCall !== undefined) parts.push(convertToGeminiFunctionCall(legacyCall));
  return parts;
}

/** Every tool call id of the request's assistant turns, with its function name. */
function collectToolNames(messages: readonly ChatMessage[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
  }
  return names;
}

/** The deprecated `function_call` of an assistant message, as a tool call. */
function getLegacyFunctionCall(message: AssistantMessage): ToolCall | undefined {
  const legacy = message.function_call;
  if (!isObject(legacy) || typeof legacy.name !== 'string') return undefined;
  const args = typeof legacy.arguments === 'string' ? legacy.arguments : '';
  return { id: '', type: 'function', function: { name: legacy.name, arguments: args } };
}

function addMissingSignatures(contents: GeminiContent[]): void {
  for (const content of contents) {
    if (content.role !== 'model') continue;
    const calls = content.parts.filter((part) => 'functionCall' in part);
    if (calls.length === 0 || calls.some((part) => 'thoughtSignature' in part)) continue;
    const index = content.parts.indexOf(calls[0]!);
    content.parts[index] = {
      ...calls[0]!,
      thoughtSignature: skipThoughtSignatureValidator,
    } as GeminiRequestPart;
  }
}
