// Fresh PostgreSQL databases for the tests: a new database on the server a URL names, and its removal.
import crypto from "node:crypto";
import pg from "pg";

/** The URL of a database named `<prefix>_<random>` on the server `url` names (its own database name is ignored). */
export function freshDatabaseUrl(url: string, prefix: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  return parsed.toString();
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to create or drop the database "${name}": only test databases named [a-z0-9_]+`);
  return name;
}

/** Runs SQL in the server's maintenance database, `postgres`. */
async function onServer(url: string, sql: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabase(url: string): Promise<void> {
  await onServer(url, `CREATE DATABASE "${databaseName(url)}"`);
}

/** Drops the database, disconnecting whoever is still on it. */
export async function dropDatabase(url: string): Promise<void> {
  await onServer(url, `DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`);
}

export function isPostgresqlUrl(url: string | undefined): url is string {
  return /^postgres(ql)?:\/\//.test(url ?? "");
}
