import { createMemoryStores } from '../store/memory/create-memory-stores.js';
import { createSqliteStores } from '../store/sqlite/create-sqlite-stores.js';
import type { Stores } from '../store/stores.js';

export interface CreateStoresOptions {
  /** `sqlite` is the embedded default; `memory` keeps nothing across restarts. */
  kind: 'memory' | 'sqlite';
  /** Where the SQLite file lives (`<dataDir>/arbiter.db`); the memory backend ignores it. */
  dataDir: string;
}

/**
 * Opens the store backend the configuration names, migrated and ready. The composition root's one door
 * to persistence: a PostgreSQL kind joins here, and nothing above it changes.
 *
 * @example
 * const stores = await createStores({ kind: 'sqlite', dataDir: config.dataDir });
 */
export async function createStores(options: CreateStoresOptions): Promise<Stores> {
  switch (options.kind) {
    case 'memory':
      return createMemoryStores();
    case 'sqlite':
      return createSqliteStores({ dataDir: options.dataDir });
    default: {
      const _exhaustiveCheck: never = options.kind;
      throw new Error(`Unknown store kind ${String(_exhaustiveCheck)}`);
    }
  }
}
