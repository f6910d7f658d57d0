import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { freshDatabaseUrl, isPostgresqlUrl } from "./scripts/lib/postgresql-database";

// Integration tests run lib/server against a real, freshly migrated SQLite file, or, when
// DATABASE_URL is postgresql://…, a fresh database on that server (`npm run test:pg`).
if (!process.env.VERSO_TEST_DIR) {
  process.env.VERSO_TEST_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "verso-test-"));
}
const testDir = process.env.VERSO_TEST_DIR;
if (!process.env.VERSO_TEST_DATABASE_URL) {
  const server = process.env.DATABASE_URL;
  process.env.VERSO_TEST_DATABASE_URL = isPostgresqlUrl(server) ? freshDatabaseUrl(server, "verso_test") : `file:${path.join(testDir, "verso.db")}`;
}

const alias = { "@": import.meta.dirname };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 20_000,
          // Set-ups import the demo article, hash passwords and, on PostgreSQL, make round trips for each; CI machines are shared.
          hookTimeout: 60_000,
          env: {
            DATABASE_URL: process.env.VERSO_TEST_DATABASE_URL,
            VERSO_DATA_DIR: testDir,
            BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
            // Only the quick English dictionary: French alone takes tens of seconds to load.
            VERSO_DICTIONARIES: "en",
          },
        },
      },
    ],
  },
});
