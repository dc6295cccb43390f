import { resolve } from 'node:path';
import type { AccountingConfig, StorageConfig } from './arbiter-config.js';
import type { ConfigFile } from './config-file-schema.js';
import type { EnvReader } from './env-reader.js';
import { readPostgresConfig } from './read-postgres-config.js';

const storeKinds = ['sqlite', 'memory', 'postgres'] as const;

/**
 * `ARBITER_STORE` and `ARBITER_DATA_DIR`, and for PostgreSQL `DATABASE_URL`, which alone selects it (an
 * explicit `ARBITER_STORE` wins). The directory is resolved against the working directory the
 * configuration was loaded from, so `./data` means the same place whoever reads the config later.
 */
export function readStorageConfig(reader: EnvReader, cwd: string): StorageConfig {
  const kind =
    reader.string('ARBITER_STORE')?.toLowerCase() ?? (reader.string('DATABASE_URL') ? 'postgres' : 'sqlite');
  if (!(storeKinds as readonly string[]).includes(kind)) {
    reader.issues.push({
      path: 'ARBITER_STORE',
      message: `"${kind}" is not one of ${storeKinds.join(', ')}`,
    });
  }
  const dataDir = resolve(cwd, reader.string('ARBITER_DATA_DIR') ?? './data');
  if (kind === 'postgres') return readPostgresConfig(reader, dataDir);
  return { kind: kind === 'memory' ? 'memory' : 'sqlite', dataDir };
}

/** The usage log's switches (`USAGE_LOG`, `LOG_REQUESTS`, `LOG_RESPONSES`, `LOG_BODIES`, `USAGE_FLUSH_INTERVAL_MS`) and `prices:`. */
export function readAccountingConfig(reader: EnvReader, file: ConfigFile): AccountingConfig {
  return {
    isUsageLogEnabled: reader.boolean('USAGE_LOG') ?? true,
    shouldLogRequests: reader.boolean('LOG_REQUESTS') ?? false,
    shouldLogResponses: reader.boolean('LOG_RESPONSES') ?? false,
    shouldLogBodies: reader.boolean('LOG_BODIES') ?? false,
    // Below 10 ms batching stops paying for itself; above a minute a crash loses too much.
    flushIntervalInMs:
      reader.number(['USAGE_FLUSH_INTERVAL_MS'], { min: 10, max: 60_000, isInteger: true }) ?? 1000,
    prices: file.prices ?? {},
  };
}
