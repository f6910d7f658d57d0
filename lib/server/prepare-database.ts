import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { databaseProvider, databaseUrl } from "./database-url";
import { isDatabaseEmpty, seedDemo, type DemoAccount } from "./demo-seed";

/** Applies committed migrations with Prisma's bundled WebAssembly engine. */
export function applyMigrations(): void {
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, DATABASE_URL: databaseUrl(), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const output = String((error as { stderr?: Buffer }).stderr ?? "");
    // SQLite reports a held lock as a socket timeout through the adapter.
    const busy = /SocketTimeout|database is locked|SQLITE_BUSY/.test(output);
    throw new Error(
      busy
        ? `the database ${databaseUrl()} is locked: is another Verso server running on it? Stop it and start again.`
        : `migrating ${databaseUrl()} failed:\n${output}`,
    );
  }
}

/**
 * Migrates and seeds the demo into an empty database (WAL is set by every
 * connection in db.ts). Returns the demo accounts when it seeded them.
 */
export async function prepareDatabase(options: { seed: boolean }): Promise<DemoAccount[] | null> {
  return whileNoOtherServerPrepares(async () => {
    applyMigrations();
    if (options.seed && (await isDatabaseEmpty())) return seedDemo();
    return null;
  });
}

// An arbitrary key of PostgreSQL's advisory locks, Verso's for "preparing the database".
const PREPARE_LOCK = 7_651_003;

/**
 * Several app servers may start at once on one PostgreSQL database: one at a time migrates and
 * seeds, so the demo is seeded once. (On SQLite the write lock and one server per file suffice.)
 */
async function whileNoOtherServerPrepares<T>(work: () => Promise<T>): Promise<T> {
  if (databaseProvider() !== "postgresql") return work();
  const lock = new pg.Client({ connectionString: databaseUrl() });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [PREPARE_LOCK]);
    return await work();
  } finally {
    // Ending the session releases its advisory lock.
    await lock.end();
  }
}
