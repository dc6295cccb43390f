import { join } from 'node:path';
import type { StorageConfig } from '../../config/arbiter-config.js';
import { createStores } from '../../gateway/create-stores.js';
import type { Stores } from '../../store/stores.js';

/** The store check's verdict, and the opened stores for the rest of the checks to use. */
export type StoreCheck =
  | { isOk: true; description: string; stores: Stores }
  | { isOk: false; description: string; message: string; fix: string };

/**
 * Opens the configured store backend as the gateway would (which applies its migrations) and reads
 * from the usage log once, so a file that opens but cannot be queried also fails here.
 */
export async function checkStore(storage: StorageConfig): Promise<StoreCheck> {
  const description =
    storage.kind === 'sqlite' ? `sqlite ${join(storage.dataDir, 'arbiter.db')}` : `${storage.kind} store`;
  let stores: Stores | undefined;
  try {
    stores = await createStores(storage);
    await stores.usage.aggregate('provider', { from: Date.now() });
    const detail = storage.kind === 'memory' ? 'nothing is kept after exit' : 'opened, migrations applied';
    return { isOk: true, description: `${description} (${detail})`, stores };
  } catch (error) {
    await stores?.close().catch(() => undefined);
    return {
      isOk: false,
      description,
      message: error instanceof Error ? error.message : String(error),
      fix:
        storage.kind === 'sqlite'
          ? `make ARBITER_DATA_DIR (${storage.dataDir}) a writable directory, or set ARBITER_STORE=memory`
          : 'check the store settings (ARBITER_STORE)',
    };
  }
}
