import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./database-url";

export type { Prisma } from "./generated/prisma/client";

type SqliteConnection = import("better-sqlite3").Database;

const globalForPrisma = globalThis as unknown as { versoPrisma?: PrismaClient; versoSqlite?: SqliteConnection | null };

/**
 * The adapter factory, wrapped to keep hold of the one better-sqlite3
 * connection Prisma uses: bulk imports run prepared statements on it inside
 * Prisma's own transaction (same connection, same BEGIN).
 */
function sqliteAdapter() {
  const factory = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const client = (adapter as unknown as { client: SqliteConnection }).client;
      // WAL: readers never block the writer; NORMAL sync is durable against a killed process in WAL mode.
      client.pragma("journal_mode = WAL");
      client.pragma("synchronous = NORMAL");
      globalForPrisma.versoSqlite = client;
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  } as unknown as PrismaBetterSQLite3;
}

/** The raw SQLite connection behind Prisma, once it has connected; null on other databases. */
export function sqliteConnection(): SqliteConnection | null {
  return globalForPrisma.versoSqlite ?? null;
}

function createClient(): PrismaClient {
  return new PrismaClient({
    // Wait for a writer instead of failing with SQLITE_BUSY.
    adapter: sqliteAdapter(),
    log: process.env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
  });
}

/** The one Prisma client of the process. Only lib/server imports it. */
export const db: PrismaClient = globalForPrisma.versoPrisma ?? createClient();
globalForPrisma.versoPrisma = db;

/** A transaction client, as passed to $transaction callbacks. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
