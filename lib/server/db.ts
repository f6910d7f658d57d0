import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./database-url";

export type { Prisma } from "./generated/prisma/client";

function createClient(): PrismaClient {
  return new PrismaClient({
    // Wait for a writer instead of failing with SQLITE_BUSY.
    adapter: new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 }),
    log: process.env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
  });
}

const globalForPrisma = globalThis as unknown as { versoPrisma?: PrismaClient };

/** The one Prisma client of the process. Only lib/server imports it. */
export const db: PrismaClient = globalForPrisma.versoPrisma ?? createClient();
globalForPrisma.versoPrisma = db;

/** A transaction client, as passed to $transaction callbacks. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
