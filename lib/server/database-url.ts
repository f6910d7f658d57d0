import fs from "node:fs";
import path from "node:path";

const DEFAULT_URL = "file:./data/verso.db";

const prepared = new Set<string>();

/** The SQLite URL from DATABASE_URL, defaulting to data/verso.db; makes sure its folder exists (once). */
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
