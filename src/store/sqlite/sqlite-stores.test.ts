import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runConversationStoreContract } from '../contract/conversation-store-contract.js';
import { runFeedbackStoreContract } from '../contract/feedback-store-contract.js';
import { runGatewayKeyStoreContract } from '../contract/gateway-key-store-contract.js';
import { runLearnedStatsStoreContract } from '../contract/learned-stats-store-contract.js';
import { runProviderKeyStoreContract } from '../contract/provider-key-store-contract.js';
import { runResponseStoreContract } from '../contract/response-store-contract.js';
import type { StoreUnderTestOptions } from '../contract/store-contract.js';
import { fromStores } from '../contract/store-contract.js';
import { runUsageStoreContract } from '../contract/usage-store-contract.js';
import { createSqliteStores } from './create-sqlite-stores.js';

const root = mkdtempSync(join(tmpdir(), 'arbiter-sqlite-contract-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let databases = 0;
/**
 * A fresh database per test, in this file's temporary directory. Without the checkpoint worker: it changes
 * no query's result, has its own tests, and starting ~60 threads would double this file's run time.
 */
const openSqliteStores = ({ clock }: StoreUnderTestOptions) =>
  createSqliteStores({ dataDir: join(root, String(databases++)), clock, checkpointIntervalInMs: 0 });

const unbounded = 'SQLite keeps rows until they are deleted: its size is bounded by disk, not by a count';

runUsageStoreContract(
  'sqlite',
  fromStores(openSqliteStores, (stores) => stores.usage),
  { skip: [{ reason: unbounded, tests: ['keeps only the newest records beyond its capacity'] }] },
);
runConversationStoreContract(
  'sqlite',
  fromStores(openSqliteStores, (stores) => stores.conversations),
  {
    skip: [
      { reason: unbounded, tests: ['forgets the least recently used conversation beyond its capacity'] },
    ],
  },
);
runGatewayKeyStoreContract(
  'sqlite',
  fromStores(openSqliteStores, (stores) => stores.gatewayKeys),
);
runProviderKeyStoreContract(
  'sqlite',
  fromStores(openSqliteStores, (stores) => stores.providerKeys),
);
runLearnedStatsStoreContract(
  'sqlite',
  fromStores(openSqliteStores, (stores) => stores.learnedStats),
);
runResponseStoreContract(
  'sqlite',
  fromStores(openSqliteStores, (stores) => stores.responses),
  { skip: [{ reason: unbounded, tests: ['forgets the least recently used response beyond its capacity'] }] },
);
runFeedbackStoreContract(
  'sqlite',
  fromStores(openSqliteStores, (stores) => stores.feedback),
  { skip: [{ reason: unbounded, tests: ['keeps only the newest records beyond its capacity'] }] },
);
