import type { SimulatorExchange } from '../simulator-exchange.js';
import { handleOllamaChat } from './handle-ollama-chat.js';
import { handleOllamaEmbed } from './handle-ollama-embed.js';
import { renderOllamaTags } from './render-ollama-tags.js';
import { sendOllamaJson, sendOllamaPageNotFound } from './send-ollama-json.js';

/**
 * Ollama's native wire (PROVIDERS.md §7): any path ending in `/api/chat`, `/api/tags` or `/api/embed`.
 * Its OpenAI-compatible `/v1/*` paths are the OpenAI wire's. Authorization is ignored, as a local
 * Ollama ignores it.
 */
export function handleOllamaRequest(exchange: SimulatorExchange): boolean {
  const { method, path } = exchange;
  if (path.endsWith('/api/chat')) {
    if (method === 'POST') handleOllamaChat(exchange);
    else sendOllamaPageNotFound(exchange);
    return true;
  }
  if (path.endsWith('/api/embed')) {
    if (method === 'POST') handleOllamaEmbed(exchange);
    else sendOllamaPageNotFound(exchange);
    return true;
  }
  if (path.endsWith('/api/tags')) {
    if (method === 'GET' || method === 'HEAD')
      sendOllamaJson(exchange, 200, renderOllamaTags(exchange.state.profiles.keys()));
    else sendOllamaPageNotFound(exchange);
    return true;
  }
  return false;
}
