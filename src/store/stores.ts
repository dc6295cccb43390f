import type { ConversationStore } from './conversation-store.js';
import type { FeedbackStore } from './feedback-store.js';
import type { GatewayKeyStore } from './gateway-key-store.js';
import type { LearnedStatsStore } from './learned-stats-store.js';
import type { ProviderKeyStore } from './provider-key-store.js';
import type { ResponseStore } from './response-store.js';
import type { UsageStore } from './usage-store.js';

/** Every store port, as one backend (memory, SQLite, PostgreSQL) provides them. */
export interface Stores {
  usage: UsageStore;
  conversations: ConversationStore;
  gatewayKeys: GatewayKeyStore;
  providerKeys: ProviderKeyStore;
  learnedStats: LearnedStatsStore;
  responses: ResponseStore;
  feedback: FeedbackStore;
  /** Flushes and releases connections. */
  close(): Promise<void>;
}
