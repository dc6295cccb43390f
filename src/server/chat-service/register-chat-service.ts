import type { FastifyInstance } from 'fastify';
import { registerChatServiceBatch } from '../routes/chat-service-batch.js';
import { registerChatServiceChat } from '../routes/chat-service-chat.js';
import { registerChatServiceModels } from '../routes/chat-service-models.js';
import { registerFeedback } from '../routes/feedback.js';
import { registerHistory } from '../routes/history.js';
import { registerPerformance } from '../routes/performance.js';
import { registerUsage } from '../routes/usage.js';
import type { ServerContext } from '../server-context.js';
import { createConversationHistory } from './create-conversation-history.js';
import { createModelStatusTracker } from './create-model-status-tracker.js';

/**
 * The chat-service endpoints of the original brief, beside the OpenAI and Anthropic APIs: `/chat`,
 * `/chat/stream`, `/chat/batch`, `/models`, `/models/{model}/status`, `/usage`, `/history/{id}`,
 * `/feedback` and `/performance`. They
 * share the conversation history (whose pending writes the server's close waits for) and a model status
 * tracker fed by the gateway's outcomes.
 */
export function registerChatService(app: FastifyInstance, server: ServerContext): void {
  const history = createConversationHistory(server.gateway.stores.conversations, (error, conversationId) =>
    server.logger.error({ err: error, conversationId }, 'saving a conversation turn failed'),
  );
  const modelStatus = createModelStatusTracker();
  const unsubscribe = server.gateway.onOutcome((outcome) => modelStatus.observe(outcome));
  app.addHook('onClose', async () => {
    unsubscribe();
    await history.flush();
  });
  const context = { ...server, history, modelStatus };
  registerChatServiceChat(app, context);
  registerChatServiceBatch(app, context);
  registerChatServiceModels(app, context);
  registerUsage(app, context);
  registerHistory(app, context);
  registerFeedback(app, context);
  registerPerformance(app, context);
}
