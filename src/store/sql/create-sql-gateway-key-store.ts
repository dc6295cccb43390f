import type { Kysely } from 'kysely';
import type { GatewayKeyStore } from '../gateway-key-store.js';
import type { Database } from './database.js';
import {
  fromGatewayKeyRow,
  fromPlanRow,
  toGatewayKeyColumns,
  toGatewayKeyRow,
  toPlanRow,
} from './gateway-key-row.js';

/** Gateway keys and plans on any Kysely SQL dialect; `findByHash` seeks the unique index on `hash`. */
export function createSqlGatewayKeyStore(db: Kysely<Database>): GatewayKeyStore {
  return {
    async create(record) {
      // The primary key and the unique hash make a duplicate fail inside the database, race-free.
      await db.insertInto('gateway_keys').values(toGatewayKeyRow(record)).execute();
    },

    async findByHash(hash) {
      const row = await db.selectFrom('gateway_keys').selectAll().where('hash', '=', hash).executeTakeFirst();
      return row === undefined ? undefined : fromGatewayKeyRow(row);
    },

    async get(id) {
      const row = await db.selectFrom('gateway_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : fromGatewayKeyRow(row);
    },

    async list() {
      const rows = await db
        .selectFrom('gateway_keys')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(fromGatewayKeyRow);
    },

    async revoke(id, at) {
      const result = await db
        .updateTable('gateway_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async update(id, changes) {
      const columns = toGatewayKeyColumns(changes);
      if (Object.keys(columns).length === 0) {
        // UPDATE needs at least one SET; an empty change still answers whether the key exists.
        const row = await db.selectFrom('gateway_keys').select('id').where('id', '=', id).executeTakeFirst();
        return row !== undefined;
      }
      const result = await db
        .updateTable('gateway_keys')
        .set(columns)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async listPlans() {
      // A handful of rows, sorted here in code-unit order rather than by PostgreSQL's locale collation.
      const rows = await db.selectFrom('plans').selectAll().execute();
      return rows.map(fromPlanRow).sort((left, right) => (left.name < right.name ? -1 : 1));
    },

    async putPlan(plan) {
      const row = toPlanRow(plan);
      const { name: _name, ...changes } = row;
      await db
        .insertInto('plans')
        .values(row)
        .onConflict((conflict) => conflict.column('name').doUpdateSet(changes))
        .execute();
    },
  };
}
