import { db, sqliteConnection, type Tx } from "./db";
import type { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./database-url";

type Value = string | number | boolean | Date | null;

// Rows per INSERT: well under SQLite's and PostgreSQL's bind-variable limits for our widest table.
const ROWS_PER_STATEMENT = 400;

function isSqlite(): boolean {
  return databaseUrl().startsWith("file:");
}

/** Values as the driver adapter stores them: SQLite keeps ISO-8601 text and 0/1 for booleans. */
function toDriver(value: Value, sqlite: boolean): Value {
  if (!sqlite) return value;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * Inserts many rows inside the caller's transaction. Prisma's createMany and
 * raw queries cost about 0.1 ms a row through the driver adapter; on SQLite
 * this uses the adapter's own connection directly, elsewhere multi-row INSERTs.
 * Table and column names are ours, never user input. `client` is the client
 * that opened `tx`: only `db`'s own connection is known, so transactions of
 * other clients (restore targets) take the portable path.
 */
export async function insertMany(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly Value[][],
  client: PrismaClient = db,
): Promise<void> {
  const sqlite = isSqlite();
  const connection = sqlite && client === db ? sqliteConnection() : null;
  if (connection?.inTransaction) {
    // Prisma's transaction is open on this very connection: prepared statements join it, at native speed.
    const statement = connection.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`insertMany(${table}): a row has ${row.length} values for ${columns.length} columns`);
      statement.run(row.map((value) => toDriver(value, true)));
    }
    return;
  }
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    const params: Value[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`insertMany(${table}): a row has ${row.length} values for ${columns.length} columns`);
      const marks = row.map((value) => {
        params.push(toDriver(value, sqlite));
        return sqlite ? "?" : `$${params.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")}`, ...params);
  }
}
