import type { Kysely, Selectable } from 'kysely';
import type { ProviderKeyRecord, ProviderKeyStore } from '../provider-key-store.js';
import type { Database, ProviderKeysTable } from './database.js';

/** The provider-key vault on any Kysely SQL dialect. Values arrive encrypted; the store never sees a key. */
export function createSqlProviderKeyStore(db: Kysely<Database>): ProviderKeyStore {
  return {
    async put(record) {
      const row = {
        id: record.id,
        provider: record.provider,
        encrypted_key: record.encryptedKey,
        weight: record.weight,
        created_at: record.createdAt,
      };
      const { id: _id, ...changes } = row;
      await db
        .insertInto('provider_keys')
        .values(row)
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
        .execute();
    },

    async list(provider) {
      let query = db.selectFrom('provider_keys').selectAll();
      if (provider !== undefined) query = query.where('provider', '=', provider);
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(fromProviderKeyRow);
    },

    async delete(id) {
      const result = await db.deleteFrom('provider_keys').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

function fromProviderKeyRow(row: Selectable<ProviderKeysTable>): ProviderKeyRecord {
  return {
    id: row.id,
    provider: row.provider,
    encryptedKey: row.encrypted_key,
    weight: row.weight,
    createdAt: Number(row.created_at),
  };
}
