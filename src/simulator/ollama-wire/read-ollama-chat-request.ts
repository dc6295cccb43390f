import type { ChatMessage, ChatRequest, ChatTool, ResponseFormat } from '../../spec/index.js';

/** An `/api/chat` body, checked and restated as the planner's ChatRequest. */
export interface OllamaChatRequest {
  model: string;
  /** Ollama streams unless told `"stream": false`. */
  isStream: boolean;
  /** No messages: a load (or, with `keep_alive: 0`, an unload) request, answered without generating. */
  emptyReason?: 'load' | 'unload';
  request: ChatRequest;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads an `/api/chat` body the way Ollama's Go server decodes it, rejecting what it rejects with its
 * messages: a missing model, `messages` that is not a list, tool call `arguments` that are not objects,
 * images that are not raw base64 (a `data:` URL fails Go's base64 decoding), a `format` that is neither
 * `"json"` nor a schema. Tool calls get ids so the planner can pair results with calls by `tool_name`.
 */
export function readOllamaChatRequest(body: unknown): { value: OllamaChatRequest } | { error: string } {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof raw.model !== 'string' || raw.model === '') return { error: 'model is required' };
  if (raw.messages !== undefined && raw.messages !== null && !Array.isArray(raw.messages)) {
    return { error: goTypeError(raw.messages, 'ChatRequest.messages', '[]api.Message') };
  }
  const rawMessages = (raw.messages ?? []) as unknown[];
  const messages: ChatMessage[] = [];
  const callIdsByName = new Map<string, string[]>();
  for (const [index, item] of rawMessages.entries()) {
    const message = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const converted = readMessage(message, index, callIdsByName);
    if (typeof converted === 'string') return { error: converted };
    messages.push(converted);
  }
  const format = readFormat(raw.format);
  if (format === 'invalid') return { error: 'invalid format: expected "json" or a valid JSON schema' };
  const options = (typeof raw.options === 'object' && raw.options !== null ? raw.options : {}) as Record<
    string,
    unknown
  >;
  const numPredict = typeof options.num_predict === 'number' ? options.num_predict : undefined;
  const request: ChatRequest = {
    model: raw.model,
    messages,
    tools: Array.isArray(raw.tools) ? (raw.tools as ChatTool[]) : undefined,
    response_format: format,
    max_tokens: numPredict !== undefined && numPredict > 0 ? numPredict : undefined,
    temperature: typeof options.temperature === 'number' ? options.temperature : undefined,
    seed: typeof options.seed === 'number' ? options.seed : undefined,
    stop: Array.isArray(options.stop) ? (options.stop as string[]) : undefined,
  };
  const value: OllamaChatRequest = { model: raw.model, isStream: raw.stream !== false, request };
  if (messages.length === 0) value.emptyReason = raw.keep_alive === 0 ? 'unload' : 'load';
  return { value };
}

function readMessage(
  message: Record<string, unknown>,
  index: number,
  callIdsByName: Map<string, string[]>,
): ChatMessage | string {
  const content = typeof message.content === 'string' ? message.content : '';
  const role = typeof message.role === 'string' ? message.role.toLowerCase() : 'user';
  const images = Array.isArray(message.images) ? message.images : [];
  for (const image of images) {
    const problem = findBase64Problem(image);
    if (problem !== undefined) return problem;
  }
  if (role === 'assistant') {
    const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
    const toolCalls = [];
    for (const [callIndex, call] of calls.entries()) {
      const fn = (call as { function?: { name?: unknown; arguments?: unknown } } | null)?.function;
      if (fn?.arguments !== undefined && (typeof fn.arguments !== 'object' || Array.isArray(fn.arguments))) {
        return goTypeError(
          fn.arguments,
          'ToolCallFunction.messages.tool_calls.function.arguments',
          'api.ToolCallFunctionArguments',
        );
      }
      const name = typeof fn?.name === 'string' ? fn.name : '';
      const id = `call_${index}_${callIndex}`;
      callIdsByName.set(name, [...(callIdsByName.get(name) ?? []), id]);
      toolCalls.push({
        id,
        type: 'function' as const,
        function: { name, arguments: JSON.stringify(fn?.arguments ?? {}) },
      });
    }
    return { role, content, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
  }
  if (role === 'tool') {
    const name = typeof message.tool_name === 'string' ? message.tool_name : '';
    const id = callIdsByName.get(name)?.shift() ?? `call_unmatched_${index}`;
    return { role, content, tool_call_id: id };
  }
  const parts = images.map((image) => ({
    type: 'image_url' as const,
    image_url: { url: `data:image/png;base64,${String(image)}` },
  }));
  if (role === 'system') return { role, content };
  return { role: 'user', content: parts.length > 0 ? [{ type: 'text', text: content }, ...parts] : content };
}

function readFormat(format: unknown): ResponseFormat | undefined | 'invalid' {
  if (format === undefined || format === null || format === '') return undefined;
  if (format === 'json') return { type: 'json_object' };
  if (typeof format === 'object' && !Array.isArray(format)) {
    return {
      type: 'json_schema',
      json_schema: { name: 'format', schema: format as Record<string, unknown> },
    };
  }
  return 'invalid';
}

/** Go's `encoding/base64` error for the first byte that cannot be standard base64. */
function findBase64Problem(image: unknown): string | undefined {
  if (typeof image !== 'string') return goTypeError(image, 'Message.messages.images', 'api.ImageData');
  if (base64Pattern.test(image) && image.length % 4 === 0) return undefined;
  const invalidAt = [...image].findIndex((character) => !/[A-Za-z0-9+/=]/.test(character));
  return `illegal base64 data at input byte ${invalidAt === -1 ? image.length : invalidAt}`;
}

/** Go's `encoding/json` message for a value of the wrong JSON type. */
function goTypeError(value: unknown, field: string, goType: string): string {
  const jsonType = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const name = jsonType === 'boolean' ? 'bool' : jsonType;
  return `json: cannot unmarshal ${name} into Go struct field ${field} of type ${goType}`;
}
