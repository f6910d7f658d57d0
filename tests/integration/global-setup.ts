import { execFileSync } from "node:child_process";
import path from "node:path";
import { createDatabase, dropDatabase, isPostgresqlUrl } from "../../scripts/lib/postgresql-database";

/**
 * Migrates the integration tests' fresh database with the committed migrations: a new SQLite
 * file, or a new PostgreSQL database (created here, dropped afterwards).
 */
export default async function setup() {
  const url = process.env.VERSO_TEST_DATABASE_URL;
  if (!url) throw new Error("VERSO_TEST_DATABASE_URL is not set");
  const postgresql = isPostgresqlUrl(url);
  if (postgresql) await createDatabase(url);
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
  return postgresql ? () => dropDatabase(url) : undefined;
}
