import { execFileSync } from "node:child_process";
import path from "node:path";
import { databaseUrl } from "./database-url";
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
  applyMigrations();
  if (options.seed && (await isDatabaseEmpty())) return seedDemo();
  return null;
}
