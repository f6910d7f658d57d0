import type { Tx } from "./db";
import { databaseUrl } from "./database-url";

type Value = string | number | boolean | Date | null;

// Rows per INSERT: well under SQLite's and PostgreSQL's bind-variable limits for our widest table.
const ROWS_PER_STATEMENT = 400;

function isSqlite(): boolean {
  return databaseUrl().startsWith("file:");
}

/** Values as the driver adapter stores them: SQLite keeps ISO-8601 text and 0/1 for booleans. */
function toDriver(value: Value): Value {
  if (!isSqlite()) return value;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * Inserts many rows with multi-row INSERT statements inside the caller's
 * transaction. Prisma's createMany issues far more statements through the
 * driver adapter; imports of thousands of rows need this to stay fast.
 * Table and column names are ours, never user input.
 */
export async function insertMany(tx: Tx, table: string, columns: readonly string[], rows: readonly Value[][]): Promise<void> {
  const sqlite = isSqlite();
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  for (let offset = 0; offset < rows.length; offset += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(offset, offset + ROWS_PER_STATEMENT);
    const params: Value[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`insertMany(${table}): a row has ${row.length} values for ${columns.length} columns`);
      const marks = row.map((value) => {
        params.push(toDriver(value));
        return sqlite ? "?" : `$${params.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")}`, ...params);
  }
}
