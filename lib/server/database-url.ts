import fs from "node:fs";
import path from "node:path";

const DEFAULT_URL = "file:./data/verso.db";

const prepared = new Set<string>();

export type DatabaseProvider = "sqlite" | "postgresql";

/** The database URL from DATABASE_URL, defaulting to SQLite in data/verso.db; makes sure a SQLite file's folder exists (once). */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  if (!prepared.has(url)) {
    const file = sqliteFilePath(url);
    if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
    prepared.add(url);
  }
  return url;
}

/** The file behind a `file:` URL, resolved against the working directory. */
export function sqliteFilePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const raw = url.slice("file:".length).replace(/\?.*$/, "");
  if (raw === ":memory:") return null;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}

/** Which database a URL names: `file:` is SQLite, `postgres://` or `postgresql://` is PostgreSQL. */
export function databaseProvider(url: string = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), not ${url.replace(/:[^:@/]*@/, ":***@")}`);
}
