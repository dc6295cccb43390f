import { Kysely, PostgresDialect } from 'kysely';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../../test/support/start-postgres.js';
import type { PostgresServer } from '../../../test/support/start-postgres.js';
import { systemClock } from '../../lib/clock.js';
import { makeUsageRecord } from '../contract/usage-record-fixture.js';
import { createSqlStores } from '../sql/create-sql-stores.js';
import type { Database } from '../sql/database.js';
import type { Stores } from '../stores.js';
import type { UsageFilter } from '../usage-store.js';
import { createPostgresPool } from './create-postgres-pool.js';
import { migratePostgresDatabase } from './migrate-postgres-database.js';

/** One node of `EXPLAIN (FORMAT JSON)`. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

/**
 * The usage store's own SQL (captured from Kysely's log) through PostgreSQL's EXPLAIN, the twin of
 * `sqlite-query-plans.test.ts`. A few rows make any table cheap to scan, so the planner is told to avoid
 * sequential and bitmap scans: what remains is whether an index can serve the query, in order. An index
 * dropped from the shared migration, or a query reshaped so PostgreSQL can no longer seek, fails here.
 */
describe('PostgreSQL query plans for the usage log', () => {
  let server: PostgresServer;
  let explainer: pg.Client;
  let stores: Stores;
  const captured: CompiledQuery[] = [];

  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase();
    const pool = createPostgresPool({ url, poolSize: 1, onError: () => {} });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
    await migratePostgresDatabase(db, 'test');
    stores = createSqlStores(db, systemClock);
    await stores.usage.append([
      makeUsageRecord({ requestId: 'req-1', keyId: 'key_a', provider: 'groq', model: 'm' }),
    ]);
    explainer = new pg.Client({ connectionString: url });
    await explainer.connect();
    await explainer.query('set enable_seqscan = off; set enable_bitmapscan = off');
  });
  afterAll(async () => {
    await explainer?.end();
    await stores?.close();
    await server?.close();
  });

  /** Every plan node of every statement `run` issues. */
  async function plansOf(run: () => Promise<unknown>): Promise<PlanNode[]> {
    captured.length = 0;
    await run();
    const nodes: PlanNode[] = [];
    for (const query of captured) {
      const result = await explainer.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `explain (format json) ${query.sql}`,
        [...query.parameters],
      );
      nodes.push(...flatten(result.rows[0]!['QUERY PLAN'][0].Plan));
    }
    return nodes;
  }

  const scansOf = (nodes: PlanNode[]) => nodes.filter((node) => node['Relation Name'] === 'usage_records');
  const nextCursor = Buffer.from('5000:req-9').toString('base64url');
  const filters: UsageFilter[] = [
    {},
    { keyId: 'key_a' },
    { provider: 'groq' },
    { model: 'm' },
    { provider: 'groq', model: 'm' },
    { from: 0, to: 10_000 },
    { keyId: 'key_a', from: 0 },
  ];

  // One index scan, in the index's order (no Sort node): seeking when there is a condition, or for the
  // unfiltered first page walking the index until LIMIT stops it.
  it.each(filters)('list(%o) walks an index in order, with and without a cursor', async (filter) => {
    for (const cursor of [undefined, nextCursor]) {
      const nodes = await plansOf(() => stores.usage.list({ ...filter, cursor, limit: 50 }));
      expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
      expect(nodes.map((node) => node['Node Type'])).not.toContain('Incremental Sort');
      const scans = scansOf(nodes);
      expect(scans).toEqual([
        expect.objectContaining({ 'Node Type': expect.stringMatching(/^Index( Only)? Scan$/) }),
      ]);
      if (Object.keys(filter).length > 0 || cursor !== undefined)
        expect(scans[0]!['Index Cond']).toBeDefined();
    }
  });

  it('get is a primary-key lookup', async () => {
    const scans = scansOf(await plansOf(() => stores.usage.get('req-1')));
    expect(scans).toEqual([
      expect.objectContaining({
        'Index Name': 'usage_records_pkey',
        'Index Cond': "(request_id = 'req-1'::text)",
      }),
    ]);
  });

  it('timeseries seeks the created_at range on its index and reads nothing beyond it', async () => {
    const scans = scansOf(
      await plansOf(() => stores.usage.timeseries({ from: 0, to: 10_000, bucketInMs: 1_000 })),
    );
    expect(scans).toEqual([
      expect.objectContaining({
        'Node Type': 'Index Scan',
        'Index Name': 'usage_records_created_at_request_id',
        'Index Cond': expect.stringMatching(/created_at >= .*created_at < /),
      }),
    ]);
  });

  it.each(filters.slice(1))('aggregate(%o) reads only the filtered range', async (filter) => {
    for (const groupBy of ['key', 'model', 'provider', 'day'] as const) {
      const scans = scansOf(await plansOf(() => stores.usage.aggregate(groupBy, filter)));
      expect(scans).toEqual([
        expect.objectContaining({
          'Node Type': expect.stringMatching(/^Index( Only)? Scan$/),
          'Index Cond': expect.any(String),
        }),
      ]);
    }
  });
});
