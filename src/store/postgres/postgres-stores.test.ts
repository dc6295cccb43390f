import { afterAll, beforeAll } from 'vitest';
import { startPostgres } from '../../../test/support/start-postgres.js';
import type { PostgresServer } from '../../../test/support/start-postgres.js';
import { runConversationStoreContract } from '../contract/conversation-store-contract.js';
import { runFeedbackStoreContract } from '../contract/feedback-store-contract.js';
import { runGatewayKeyStoreContract } from '../contract/gateway-key-store-contract.js';
import { runLearnedStatsStoreContract } from '../contract/learned-stats-store-contract.js';
import { runProviderKeyStoreContract } from '../contract/provider-key-store-contract.js';
import { runResponseStoreContract } from '../contract/response-store-contract.js';
import type { StoreUnderTestOptions } from '../contract/store-contract.js';
import { fromStores } from '../contract/store-contract.js';
import { runUsageStoreContract } from '../contract/usage-store-contract.js';
import { createPostgresStores } from './create-postgres-stores.js';

/**
 * One server for the file, and a fresh database per test copied from one migrated once: a copy costs
 * ~30 ms, migrating a new database ~50 ms more, over ~60 tests. Each store still runs its migration on
 * open (finding nothing to do); fresh databases are migrated in `create-postgres-stores.test.ts`.
 */
let server: PostgresServer;
const template = 'migrated';
beforeAll(async () => {
  server = await startPostgres();
  await (await createPostgresStores({ url: await server.createDatabase(template) })).close();
});
afterAll(() => server?.close());

const openPostgresStores = async ({ clock }: StoreUnderTestOptions) =>
  createPostgresStores({ url: await server.createDatabase(undefined, { template }), clock, poolSize: 2 });

const unbounded = 'PostgreSQL keeps rows until they are deleted: its size is bounded by disk, not by a count';

runUsageStoreContract(
  'postgres',
  fromStores(openPostgresStores, (stores) => stores.usage),
  { skip: [{ reason: unbounded, tests: ['keeps only the newest records beyond its capacity'] }] },
);
runConversationStoreContract(
  'postgres',
  fromStores(openPostgresStores, (stores) => stores.conversations),
  {
    skip: [
      { reason: unbounded, tests: ['forgets the least recently used conversation beyond its capacity'] },
    ],
  },
);
runGatewayKeyStoreContract(
  'postgres',
  fromStores(openPostgresStores, (stores) => stores.gatewayKeys),
);
runProviderKeyStoreContract(
  'postgres',
  fromStores(openPostgresStores, (stores) => stores.providerKeys),
);
runLearnedStatsStoreContract(
  'postgres',
  fromStores(openPostgresStores, (stores) => stores.learnedStats),
);
runResponseStoreContract(
  'postgres',
  fromStores(openPostgresStores, (stores) => stores.responses),
  { skip: [{ reason: unbounded, tests: ['forgets the least recently used response beyond its capacity'] }] },
);
runFeedbackStoreContract(
  'postgres',
  fromStores(openPostgresStores, (stores) => stores.feedback),
  { skip: [{ reason: unbounded, tests: ['keeps only the newest records beyond its capacity'] }] },
);
