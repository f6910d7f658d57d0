import { execFileSync } from "node:child_process";
import path from "node:path";

/** Migrates the integration tests' fresh database with the committed migrations. */
export default function setup() {
  const dir = process.env.VERSO_TEST_DIR;
  if (!dir) throw new Error("VERSO_TEST_DIR is not set");
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "verso.db")}` },
  });
}
