import { parseSSE } from '../../lib/parse-sse.js';
import { GatewayRequestError, type GatewayClient } from '../gateway-client.js';

/** One chat message as the OpenAI API takes it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatAnswerRequest {
  /** A route name: `auto`, a provider, `provider/model`. */
  model: string;
  messages: readonly ChatMessage[];
  /** Routes to try after `model`'s own targets (the REPL's auto-fallback after `/llm switch`). */
  fallbacks?: readonly string[];
}

/** The whole answer, and which target produced it (from the `x-arbiter-*` headers). */
export interface ChatAnswer {
  text: string;
  provider?: string;
  model?: string;
}

/**
 * One streamed answer from `POST /v1/chat/completions`: each content delta goes to `onText` as it
 * arrives. A failure before the first byte is the gateway's error answer, and one after it the stream's
 * final `{"error":…}` event; both throw a GatewayRequestError with the gateway's message. Aborting
 * `signal` ends the request (the gateway then stops the upstream call) and rejects with its reason.
 */
export async function streamChatAnswer(
  client: GatewayClient,
  request: ChatAnswerRequest,
  onText: (text: string) => void,
  signal?: AbortSignal,
): Promise<ChatAnswer> {
  const body = {
    model: request.model,
    messages: request.messages,
    stream: true,
    ...(request.fallbacks && request.fallbacks.length > 0 ? { fallbacks: request.fallbacks } : {}),
  };
  const response = await client.post('/v1/chat/completions', body, signal);
  const header = (name: string): string | undefined => {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  let text = '';
  for await (const event of parseSSE(response.body)) {
    if (event.data === '[DONE]') break;
    const chunk = JSON.parse(event.data) as {
      error?: { message?: string; code?: string };
      choices?: Array<{ delta?: { content?: string | null } }>;
    };
    if (chunk.error) {
      throw new GatewayRequestError(200, chunk.error.message ?? 'the stream failed', chunk.error.code);
    }
    const delta = chunk.choices?.[0]?.delta?.content;
    if (delta) {
      text += delta;
      onText(delta);
    }
  }
  return { text, provider: header('x-arbiter-provider'), model: header('x-arbiter-model') };
}
