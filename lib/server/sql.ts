import type { Statement } from "better-sqlite3";
import type { PoolClient, QueryConfig } from "pg";
import { beginImmediate, db, postgresqlPool, providerOf, readOnlyTransactions, sqliteConnection, transactionLock, type Tx } from "./db";
import type { PrismaClient } from "./generated/prisma/client";

/**
 * Plain SQL inside a Prisma transaction, for the few hot paths (the API's
 * writes, token checks) where Prisma's per-query compilation costs more than
 * the work: a model query takes about 1–2 ms to plan, a statement here a few
 * microseconds on SQLite. Statements are written once, with `?` placeholders
 * and double-quoted identifiers, and run on both providers:
 * - on SQLite, on the very connection that holds `db`'s open transaction, as
 *   cached prepared statements;
 * - in writeTransaction's own transaction on PostgreSQL, as named (prepared)
 *   statements on its pooled connection, with `$n` placeholders;
 * - elsewhere, through the transaction's raw query with `$n` placeholders.
 * Table and column names are ours; every value is a bound parameter.
 */

/** A value for a JSON column (stored as text on SQLite, jsonb on PostgreSQL). */
export class JsonValue {
  constructor(readonly text: string) {}
}

export type SqlValue = string | number | boolean | Date | null | JsonValue;

/** A JSON column's value; undefined and null are SQL NULL. */
export function json(value: unknown): JsonValue | null {
  return value === undefined || value === null ? null : new JsonValue(JSON.stringify(value));
}

/** A date as the SQLite driver adapter stores it: ISO-8601 text with an explicit offset. */
export function sqliteDate(value: Date): string {
  return value.toISOString().replace("Z", "+00:00");
}

function sqliteValue(value: SqlValue): string | number | null {
  if (value instanceof Date) return sqliteDate(value);
  if (value instanceof JsonValue) return value.text;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

const statements = new WeakMap<object, Map<string, Statement>>();

function prepared(connection: NonNullable<ReturnType<typeof sqliteConnection>>, sql: string): Statement {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    // The driver adapter reads integers as BigInt; ours (positions, offsets, revisions) are small.
    statement = connection.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    cache.set(sql, statement);
  }
  return statement;
}

/** The connection of `db`'s open transaction, when `client` is `db` on SQLite. */
function openSqliteTransaction(client: PrismaClient) {
  if (client !== db) return null;
  const connection = sqliteConnection();
  return connection?.inTransaction ? connection : null;
}

/** `?` placeholders as `$n`, with JSON parameters cast to jsonb. */
function numbered(sql: string, params: readonly SqlValue[]): string {
  let index = 0;
  return sql.replace(/\?/g, () => {
    const value = params[index++];
    return value instanceof JsonValue ? `$${index}::jsonb` : `$${index}`;
  });
}

function portable(client: PrismaClient, sql: string, params: readonly SqlValue[]): [string, ...unknown[]] {
  if (providerOf(client) === "sqlite") return [sql, ...params.map(sqliteValue)];
  return [numbered(sql, params), ...params.map((value) => (value instanceof JsonValue ? value.text : value))];
}

/**
 * writeTransaction's own transaction on PostgreSQL: one pooled connection of
 * postgresqlPool(). It answers sqlRows and sqlRun only; a model query
 * on it is a programming error, named as such.
 */
class PgTransaction {
  constructor(readonly client: PoolClient) {}
}

function pgTransaction(client: PoolClient): Tx {
  return new Proxy(new PgTransaction(client), {
    get(target, key) {
      if (key in target) return target[key as keyof PgTransaction];
      throw new Error(`writeTransaction runs sqlRows and sqlRun only; "${String(key)}" is not available in it`);
    },
  }) as unknown as Tx;
}

// One name per statement text: PostgreSQL parses and plans a named statement once per connection.
// Kept on globalThis, as the pool is: the server loads this module more than once (Next.js's bundle
// and the API router), and two copies must never give one name to two texts on a shared connection.
// IN lists make texts of many lengths; past this many, further texts run unnamed, parsed each time.
const statementNames = ((globalThis as { versoPgStatementNames?: Map<string, string> }).versoPgStatementNames ??= new Map());
const NAMED_STATEMENTS = 256;

function pgStatement(sql: string, params: readonly SqlValue[]): QueryConfig {
  const text = numbered(sql, params);
  let name = statementNames.get(text);
  if (!name && statementNames.size < NAMED_STATEMENTS) statementNames.set(text, (name = `verso_${statementNames.size + 1}`));
  // "timestamp" columns hold UTC without a zone, as Prisma writes them; a literal's zone is ignored there.
  const values = params.map((value) => (value instanceof Date ? value.toISOString() : value instanceof JsonValue ? value.text : value));
  return { name, text, values };
}

/** Placeholders for an IN list of these values: "?, ?, ?". */
export function marks(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

/** The rows of a query run in `tx` (which `client` opened). */
export async function sqlRows<T>(tx: Tx, sql: string, params: readonly SqlValue[] = [], client: PrismaClient = db): Promise<T[]> {
  if (tx instanceof PgTransaction) return (await tx.client.query(pgStatement(sql, params))).rows as T[];
  const connection = openSqliteTransaction(client);
  if (connection) return prepared(connection, sql).all(params.map(sqliteValue)) as T[];
  return tx.$queryRawUnsafe<T[]>(...portable(client, sql, params));
}

/** Runs a statement in `tx`; resolves with the number of rows it changed. */
export async function sqlRun(tx: Tx, sql: string, params: readonly SqlValue[] = [], client: PrismaClient = db): Promise<number> {
  if (tx instanceof PgTransaction) return (await tx.client.query(pgStatement(sql, params))).rowCount ?? 0;
  const connection = openSqliteTransaction(client);
  if (connection) return prepared(connection, sql).run(params.map(sqliteValue)).changes;
  return tx.$executeRawUnsafe(...portable(client, sql, params));
}

/** A date column as read back: SQLite returns the stored text, PostgreSQL a Date. */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** A boolean column as read back: SQLite returns 0 or 1. */
export function asBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}

/**
 * The rows of a query outside any transaction, on `db`'s database: on SQLite,
 * once connected, as a cached prepared statement on `db`'s connection, where
 * Prisma's raw query would run it too; on PostgreSQL, as a named statement on
 * a connection of postgresqlPool(). Counts and sums may come back as bigint
 * or as text: read them with Number().
 */
export async function sqlQuery<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
  const pool = postgresqlPool();
  if (pool) {
    const client = await pgConnect(pool);
    let failed: Error | undefined;
    try {
      return (await client.query(pgStatement(sql, params))).rows as T[];
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      client.release(failed);
    }
  }
  const connection = providerOf(db) === "sqlite" ? sqliteConnection() : null;
  if (connection) return prepared(connection, sql).all(params.map(sqliteValue)) as T[];
  return db.$queryRawUnsafe<T[]>(...portable(db, sql, params));
}

/**
 * Runs a write whose statements are all sqlRows/sqlRun in one transaction,
 * without Prisma's interactive-transaction machinery, which cost more than
 * the statements of an API write:
 * - on SQLite, once connected, a BEGIN IMMEDIATE … COMMIT on `db`'s
 *   connection, in turn with Prisma's own transactions (transactionLock);
 * - on PostgreSQL, a BEGIN … COMMIT (read committed, as Prisma's) on a
 *   connection of postgresqlPool(), its statements prepared once per
 *   connection;
 * - before SQLite's first query has connected, `db.$transaction(work)`.
 * `work` must not open a transaction of its own.
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const pool = postgresqlPool();
  if (pool) return postgresqlTransaction(pool, work);
  const connection = providerOf(db) === "sqlite" ? sqliteConnection() : null;
  if (!connection) return db.$transaction(work);
  const release = await transactionLock().acquire();
  try {
    beginImmediate((sql) => prepared(connection, sql));
    let result: T;
    try {
      result = await work(db as unknown as Tx);
    } catch (error) {
      if (connection.inTransaction) prepared(connection, "ROLLBACK").run();
      throw error;
    }
    prepared(connection, "COMMIT").run();
    return result;
  } finally {
    // A COMMIT that failed (the disk, SQLITE_BUSY) leaves the transaction open: end it before the next one begins.
    if (connection.inTransaction) prepared(connection, "ROLLBACK").run();
    release();
  }
}

type PgPool = NonNullable<ReturnType<typeof postgresqlPool>>;

async function pgConnect(pool: PgPool): Promise<PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    // Reported as Prisma reports a transaction that found no free connection in time (P2028): the API answers 503, try again.
    throw Object.assign(new Error("no free PostgreSQL connection in time", { cause: error }), { code: "P2028" });
  }
}

async function postgresqlTransaction<T>(pool: PgPool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pgConnect(pool);
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(pgTransaction(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // After a failed COMMIT the server has already rolled back; a ROLLBACK that fails means the connection is gone.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Runs reads in one transaction, so that they see one consistent state. On
 * SQLite it begins deferred, without the write lock, and its statements run
 * as prepared statements on the connection (much cheaper for many rows).
 */
export function readSnapshot<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return readOnlyTransactions(() => db.$transaction(work, { timeout: 60_000 }));
}
