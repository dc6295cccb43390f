import { defaultContextWindow } from '../../accounting/model-catalog.js';
import { trimConversation } from '../../accounting/trim-conversation.js';
import type { Gateway } from '../../gateway.js';
import { createId } from '../../lib/create-id.js';
import type { ChatMessage, ChatRequest } from '../../spec/chat-request.js';
import type { ConversationHistory } from './create-conversation-history.js';
import { getChatServiceRoute } from './get-chat-service-route.js';
import type { ParsedChatServiceRequest } from './parse-chat-service-request.js';

/** A `/chat` request turned into a chat request for the gateway, with what saving the turn needs. */
export interface PreparedChat {
  chatRequest: ChatRequest;
  conversationId: string;
  /** This turn's message, saved with the answer. */
  userMessage: ChatMessage;
  /** The request's own system prompt, saved with the turn (a stored one is reused without it). */
  systemPrompt?: string;
  /** History messages left out to fit the context window. */
  droppedCount: number;
}

/**
 * Resolves the route (so an unknown model fails before anything else), loads the conversation when one
 * continues, and sends its history before the new message: trimmed, oldest first, to the smallest context
 * window among the route's targets (any of them may end up answering), the system prompt always kept.
 * A request without `conversation_id` starts a new conversation, whose id the answer carries.
 */
export async function prepareChatServiceRequest(
  body: ParsedChatServiceRequest,
  gateway: Gateway,
  history: ConversationHistory,
): Promise<PreparedChat> {
  const route = getChatServiceRoute(body.model, body.model_provider, (name) => isRoutable(gateway, name));
  const { targets } = gateway.resolve(route);
  const windows = targets.map((target) => gateway.getModelInfo(target.provider, target.model).contextWindow);
  const stored = body.conversation_id ? await history.get(body.conversation_id) : undefined;
  const userMessage: ChatMessage = { role: 'user', content: body.message };
  const systemPrompt = body.system_prompt ?? undefined;
  const trimmed = await trimConversation({
    systemPrompt: systemPrompt ?? stored?.systemPrompt,
    history: stored?.messages ?? [],
    next: [userMessage],
    contextWindow: windows.length > 0 ? Math.min(...windows) : defaultContextWindow,
    replyBudget: body.max_tokens ?? undefined,
  });
  const chatRequest: ChatRequest = { model: route, messages: trimmed.messages };
  if (body.temperature != null) chatRequest.temperature = body.temperature;
  if (body.max_tokens != null) chatRequest.max_tokens = body.max_tokens;
  if (body.stream === true) chatRequest.stream = true;
  return {
    chatRequest,
    conversationId: body.conversation_id ?? createId('conv_'),
    userMessage,
    systemPrompt,
    droppedCount: trimmed.droppedCount,
  };
}

function isRoutable(gateway: Gateway, name: string): boolean {
  try {
    gateway.resolve(name);
    return true;
  } catch {
    return false;
  }
}
