// Read-only looks into a stress database, independent of the server's own code.
import Database from "better-sqlite3";

export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function integrityCheck(file: string): string {
  const conn = openReadOnly(file);
  try {
    return (conn.prepare("PRAGMA integrity_check").pluck().all() as string[]).join("\n");
  } finally {
    conn.close();
  }
}

export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const conn = openReadOnly(file);
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

/**
 * Whether some connection holds the database's write lock right now: a
 * BEGIN IMMEDIATE that may not wait fails with SQLITE_BUSY. When it succeeds
 * it is rolled back at once, so the server is held up for microseconds.
 */
export function writeLockHeld(file: string): boolean {
  const conn = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    conn.prepare("BEGIN IMMEDIATE").run();
    conn.prepare("ROLLBACK").run();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
    throw error;
  } finally {
    conn.close();
  }
}
