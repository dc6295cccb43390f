import type { Clock } from '../../lib/clock.js';
import type { Stores } from '../stores.js';
import { createMemoryConversationStore } from './create-memory-conversation-store.js';
import { createMemoryFeedbackStore } from './create-memory-feedback-store.js';
import { createMemoryGatewayKeyStore } from './create-memory-gateway-key-store.js';
import { createMemoryLearnedStatsStore } from './create-memory-learned-stats-store.js';
import { createMemoryProviderKeyStore } from './create-memory-provider-key-store.js';
import { createMemoryResponseStore } from './create-memory-response-store.js';
import { createMemoryUsageStore } from './create-memory-usage-store.js';

export interface MemoryStoresOptions {
  /** Usage records kept, newest first; default 100,000. */
  maxUsageRecords?: number;
  /** Conversations kept, least recently used out first; default 10,000. */
  maxConversations?: number;
  /** Stored Responses API answers kept, least recently used out first; default 1,000. */
  maxResponses?: number;
  /** Feedback records kept, oldest out first; default 10,000. */
  maxFeedback?: number;
  clock?: Clock;
}

/**
 * Every store port in process memory: nothing survives a restart. For tests, demos and deployments that
 * want no disk; whatever callers can grow (usage, conversations, responses) is bounded.
 *
 * @example
 * const stores = createMemoryStores({ maxUsageRecords: 10_000 });
 */
export function createMemoryStores(options: MemoryStoresOptions = {}): Stores {
  return {
    usage: createMemoryUsageStore({ maxRecords: options.maxUsageRecords }),
    conversations: createMemoryConversationStore({
      maxConversations: options.maxConversations,
      clock: options.clock,
    }),
    gatewayKeys: createMemoryGatewayKeyStore(),
    providerKeys: createMemoryProviderKeyStore(),
    learnedStats: createMemoryLearnedStatsStore(),
    responses: createMemoryResponseStore({ maxEntries: options.maxResponses }),
    feedback: createMemoryFeedbackStore({ maxRecords: options.maxFeedback }),
    async close() {},
  };
}
