import type {
  AssistantMessage,
  ChatMessage,
  TextContentPart,
  UserContentPart,
} from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import type { OllamaRequestMessage } from './ollama-api.js';
import { convertToOllamaToolArguments } from './convert-to-ollama-tool-arguments.js';

/**
 * OpenAI-shaped messages as Ollama's: one content string per message, images as raw base64 in `images`,
 * tool call arguments as objects, and tool results with the `tool_name` Ollama matches them by (taken
 * from the assistant call with the same id; PROVIDERS.md §7.1). `developer` is `system`; the legacy
 * `function` role is a tool result named by its `name`.
 */
export function convertToOllamaMessages(
  messages: readonly ChatMessage[],
  provider: ProviderId,
): OllamaRequestMessage[] {
  const toolNamesById = new Map<string, string>();
  return messages.map((message): OllamaRequestMessage => {
    switch (message.role) {
      case 'system':
      case 'developer':
        return { role: 'system', content: joinText(message.content) };
      case 'user':
        return convertUserMessage(message.content, provider);
      case 'assistant':
        return convertAssistantMessage(message, toolNamesById, provider);
      case 'tool': {
        const toolName = toolNamesById.get(message.tool_call_id);
        return {
          role: 'tool',
          content: joinText(message.content),
          ...(toolName === undefined ? {} : { tool_name: toolName }),
          tool_call_id: message.tool_call_id,
        };
      }
      case 'function':
        return { role: 'tool', content: message.content ?? '', tool_name: message.name };
      default: {
        const _exhaustiveCheck: never = message;
        throw new Error(`unknown message role ${String((_exhaustiveCheck as ChatMessage).role)}`);
      }
    }
  });
}

function convertUserMessage(content: string | UserContentPart[], provider: ProviderId): OllamaRequestMessage {
  if (typeof content === 'string') return { role: 'user', content };
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of content) {
    if (part.type === 'text') texts.push(part.text);
    else if (part.type === 'image_url') images.push(convertImageUrl(part.image_url.url, provider));
    else {
      throw new ProviderError({
        kind: 'bad-request',
        provider,
        param: 'messages',
        message: `Ollama does not accept "${part.type}" content parts, only text and images`,
      });
    }
  }
  return { role: 'user', content: texts.join('\n'), ...(images.length > 0 ? { images } : {}) };
}

function convertAssistantMessage(
  message: AssistantMessage,
  toolNamesById: Map<string, string>,
  provider: ProviderId,
): OllamaRequestMessage {
  const content = message.content;
  const result: OllamaRequestMessage = {
    role: 'assistant',
    content: Array.isArray(content)
      ? content.map((part) => (part.type === 'text' ? part.text : part.refusal)).join('')
      : (content ?? ''),
  };
  if (message.reasoning_content) result.thinking = message.reasoning_content;
  const calls = message.tool_calls ?? [];
  if (calls.length > 0) {
    result.tool_calls = calls.map((call, index) => {
      toolNamesById.set(call.id, call.function.name);
      return {
        id: call.id,
        function: {
          index,
          name: call.function.name,
          arguments: convertToOllamaToolArguments(
            call.function.arguments,
            { id: call.id, name: call.function.name },
            provider,
          ),
        },
      };
    });
  }
  return result;
}

/**
 * Ollama takes images only as bytes (raw base64), never by URL (PROVIDERS.md §7.1 and §7.5), so an
 * `https:` image cannot be forwarded; Arbiter does not fetch caller-chosen URLs (DESIGN.md §7, no SSRF).
 */
function convertImageUrl(url: string, provider: ProviderId): string {
  const match = /^data:([^,]*),(.*)$/s.exec(url);
  if (match === null) {
    throw new ProviderError({
      kind: 'bad-request',
      provider,
      param: 'messages',
      message:
        'Ollama takes images as base64 data URLs (data:image/png;base64,...); an image given by URL ' +
        'cannot be sent to it',
    });
  }
  const [, meta = '', data = ''] = match;
  if (meta.endsWith(';base64')) return data;
  try {
    return Buffer.from(decodeURIComponent(data), 'utf8').toString('base64');
  } catch {
    throw new ProviderError({
      kind: 'bad-request',
      provider,
      param: 'messages',
      message: 'an image data URL is not valid percent-encoded text',
    });
  }
}

function joinText(content: string | TextContentPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('\n');
}
