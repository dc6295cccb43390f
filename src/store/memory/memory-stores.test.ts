import { describe, expect, it } from 'vitest';
import { runConversationStoreContract } from '../contract/conversation-store-contract.js';
import { runFeedbackStoreContract } from '../contract/feedback-store-contract.js';
import { runGatewayKeyStoreContract } from '../contract/gateway-key-store-contract.js';
import { runLearnedStatsStoreContract } from '../contract/learned-stats-store-contract.js';
import { runProviderKeyStoreContract } from '../contract/provider-key-store-contract.js';
import { runResponseStoreContract } from '../contract/response-store-contract.js';
import type { StoreUnderTestOptions } from '../contract/store-contract.js';
import { fromStores } from '../contract/store-contract.js';
import { runUsageStoreContract } from '../contract/usage-store-contract.js';
import { makeUsageRecord } from '../contract/usage-record-fixture.js';
import { createMemoryStores } from './create-memory-stores.js';

/** One capacity for every bounded port, so each eviction test sizes the port it exercises. */
const openMemoryStores = ({ capacity, clock }: StoreUnderTestOptions) =>
  createMemoryStores({
    maxUsageRecords: capacity,
    maxConversations: capacity,
    maxResponses: capacity,
    maxFeedback: capacity,
    clock,
  });

runUsageStoreContract(
  'memory',
  fromStores(openMemoryStores, (stores) => stores.usage),
);
runConversationStoreContract(
  'memory',
  fromStores(openMemoryStores, (stores) => stores.conversations),
);
runGatewayKeyStoreContract(
  'memory',
  fromStores(openMemoryStores, (stores) => stores.gatewayKeys),
);
runProviderKeyStoreContract(
  'memory',
  fromStores(openMemoryStores, (stores) => stores.providerKeys),
);
runLearnedStatsStoreContract(
  'memory',
  fromStores(openMemoryStores, (stores) => stores.learnedStats),
);
runResponseStoreContract(
  'memory',
  fromStores(openMemoryStores, (stores) => stores.responses),
);
runFeedbackStoreContract(
  'memory',
  fromStores(openMemoryStores, (stores) => stores.feedback),
);

describe('createMemoryStores', () => {
  it('keeps 100,000 usage records by default, dropping the oldest', async () => {
    const stores = createMemoryStores();
    const batch = Array.from({ length: 100_001 }, (_, index) =>
      makeUsageRecord({ requestId: `req-${String(index).padStart(6, '0')}`, createdAt: index }),
    );
    await stores.usage.append(batch);
    expect(await stores.usage.get('req-000000')).toBeUndefined();
    expect(await stores.usage.get('req-000001')).toBeDefined();
    const [total] = await stores.usage.aggregate('key', {});
    expect(total?.requests).toBe(100_000);
  });
});
