import crypto from "node:crypto";
import { db, providerOf, sqliteConnection, type Tx } from "./db";
import type { PrismaClient } from "./generated/prisma/client";
import { sqliteDate } from "./sql";

type Value = string | number | boolean | Date | null;

// Rows per INSERT: well under SQLite's and PostgreSQL's bind-variable limits for our widest table.
const ROWS_PER_STATEMENT = 400;


/** Values as the driver adapter stores them: SQLite keeps ISO-8601 text and 0/1 for booleans. */
function toDriver(value: Value, sqlite: boolean): Value {
  if (!sqlite) return value;
  if (value instanceof Date) return sqliteDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * A generator of UUIDv7-shaped ids (RFC 9562) that sort in the order they are
 * made: the start time, a 30-bit counter, then 44 random bits. Rows keyed by
 * them append to the primary-key index instead of landing at random pages, which
 * makes a bulk insert about a third cheaper. The counter wraps after 2^30 ids.
 */
export function orderedIds(): () => string {
  const time = Date.now().toString(16).padStart(12, "0").slice(-12);
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
  let counter = 0;
  let pool = "";
  let used = 0;
  return () => {
    const n = counter;
    counter = (counter + 1) & 0x3fffffff;
    if (used === pool.length) {
      pool = crypto.randomBytes(POOL_IDS * 6).toString("hex");
      used = 0;
    }
    const random = pool.slice(used, used + 11);
    used += 12;
    return `${prefix}${hex(n >>> 18, 3)}-${hex(0x8000 | ((n >>> 4) & 0x3fff), 4)}-${hex(n & 0xf, 1)}${random}`;
  };
}

// Random digits are drawn for this many ids at a time.
const POOL_IDS = 1024;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, "0");
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
  if (rows.length === 0) return;
  const sqlite = providerOf(client) === "sqlite";
  const connection = sqlite && client === db ? sqliteConnection() : null;
  if (connection?.inTransaction) {
    // Prisma's transaction is open on this very connection: prepared statements join it, at native speed.
    const statement = connection.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    // One parameter array for every row (the driver copies values when binding); an import stamps
    // thousands of rows with the same Date, so its text is computed once.
    const params: Value[] = new Array(columns.length);
    let lastDate: Date | null = null;
    let lastDateText = "";
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`insertMany(${table}): a row has ${row.length} values for ${columns.length} columns`);
      for (let i = 0; i < row.length; i++) {
        const value = row[i];
        if (value instanceof Date) {
          if (value !== lastDate) {
            lastDate = value;
            lastDateText = sqliteDate(value);
          }
          params[i] = lastDateText;
        } else params[i] = typeof value === "boolean" ? (value ? 1 : 0) : value;
      }
      statement.run(params);
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
