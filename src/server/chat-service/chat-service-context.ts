import type { ServerContext } from '../server-context.js';
import type { ConversationHistory } from './create-conversation-history.js';
import type { ModelStatusTracker } from './create-model-status-tracker.js';

/** What the chat-service endpoints share beyond the server's context. */
export interface ChatServiceContext extends ServerContext {
  history: ConversationHistory;
  modelStatus: ModelStatusTracker;
}
