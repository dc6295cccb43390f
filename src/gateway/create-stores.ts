import { createMemoryStores } from '../store/memory/create-memory-stores.js';
import { createSqliteStores } from '../store/sqlite/create-sqlite-stores.js';
import type { Stores } from '../store/stores.js';

export type CreateStoresOptions =
  | {
      /** `sqlite` is the embedded default; `memory` keeps nothing across restarts. */
      kind: 'memory' | 'sqlite';
      /** Where the SQLite file lives (`<dataDir>/arbiter.db`); the memory backend ignores it. */
      dataDir: string;
    }
  | {
      /** One PostgreSQL database shared by every instance. */
      kind: 'postgres';
      /** `postgres://user:password@host:port/database` (`DATABASE_URL`). */
      url: string;
      /** Connections per process (`DATABASE_POOL_SIZE`, default 10). */
      poolSize?: number;
    };

/**
 * Opens the store backend the configuration names, migrated and ready. The composition root's one door
 * to persistence: nothing above it knows which backend it got.
 *
 * @example
 * const stores = await createStores({ kind: 'sqlite', dataDir: config.dataDir });
 * const shared = await createStores({ kind: 'postgres', url: process.env.DATABASE_URL! });
 */
export async function createStores(options: CreateStoresOptions): Promise<Stores> {
  switch (options.kind) {
    case 'memory':
      return createMemoryStores();
    case 'sqlite':
      return createSqliteStores({ dataDir: options.dataDir });
    case 'postgres': {
      // Loaded only when configured: the PostgreSQL driver costs start-up time and memory nobody else needs.
      const { createPostgresStores } = await import('../store/postgres/create-postgres-stores.js');
      return createPostgresStores({ url: options.url, poolSize: options.poolSize });
    }
    default: {
      const _exhaustiveCheck: never = options;
      throw new Error(`Unknown store kind ${String((_exhaustiveCheck as { kind: unknown }).kind)}`);
    }
  }
}
