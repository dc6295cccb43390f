import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import type { Stores } from '../stores.js';
import { createSqlConversationStore } from './create-sql-conversation-store.js';
import { createSqlFeedbackStore } from './create-sql-feedback-store.js';
import { createSqlGatewayKeyStore } from './create-sql-gateway-key-store.js';
import { createSqlLearnedStatsStore } from './create-sql-learned-stats-store.js';
import { createSqlProviderKeyStore } from './create-sql-provider-key-store.js';
import { createSqlResponseStore } from './create-sql-response-store.js';
import { createSqlUsageStore } from './create-sql-usage-store.js';
import type { Database } from './database.js';

/**
 * Every store port over one migrated Kysely database. Dialect-specific set-up (opening the file or pool,
 * pragmas, migrations) happens before this; closing destroys the Kysely instance and with it the driver.
 */
export function createSqlStores(db: Kysely<Database>, clock: Clock): Stores {
  return {
    usage: createSqlUsageStore(db),
    conversations: createSqlConversationStore(db, clock),
    gatewayKeys: createSqlGatewayKeyStore(db),
    providerKeys: createSqlProviderKeyStore(db),
    learnedStats: createSqlLearnedStatsStore(db),
    responses: createSqlResponseStore(db),
    feedback: createSqlFeedbackStore(db),
    close: () => db.destroy(),
  };
}
