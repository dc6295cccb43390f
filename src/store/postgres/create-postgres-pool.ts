import pg from 'pg';

export interface PostgresPoolOptions {
  /** `postgres://user:password@host:port/database`, as libpq reads it (`?sslmode=require` and the like). */
  url: string;
  /** The most connections this pool opens at once. */
  poolSize: number;
  /** An idle connection failed (server restart, network cut); the pool has already dropped it. */
  onError: (error: Error) => void;
}

/**
 * `int8` (`bigint` columns, `count(*)`) as a JavaScript number instead of pg's default string: the schema
 * stores Unix milliseconds and token counts there, far below 2^53 (`Date`'s own maximum, 8.64e15, still
 * fits). Sums come back as `numeric`, still strings, and are converted where they are read.
 */
function parseInt8(text: string): number {
  return Number(text);
}

/**
 * This pool's type parsers: pg's own, with `int8` overridden. Set per pool rather than with the global
 * `pg.types.setTypeParser`, so another PostgreSQL client in the process keeps pg's defaults.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: string) {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** See `createPostgresPool`: the error reaches the caller through its query. */
function ignoreCheckedOutError(): void {}

/**
 * The connection pool behind the PostgreSQL stores. Connections open lazily, up to `poolSize`; idle ones
 * close after 10 s (pg's default), so a quiet instance holds few. TCP keep-alive notices a connection a
 * load balancer or NAT silently dropped. A lost connection never crashes the process: on an idle one it
 * goes to `onError`, on one in use it fails the query that was using it.
 */
export function createPostgresPool(options: PostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types: typeParsers,
    application_name: 'arbiter',
    keepAlive: true,
    // A server that accepts TCP but never answers must fail start-up, not hang it.
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', options.onError);
  // pg emits 'error' on a client whose connection dies, checked out or not, and pg-pool listens only
  // while it is idle: without this, a server restart during a query would crash the process. The query
  // in flight already rejects with the error, and the pool discards the client when it comes back.
  pool.on('connect', (client) => client.on('error', ignoreCheckedOutError));
  return pool;
}
