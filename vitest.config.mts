import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run lib/server against a real, freshly migrated SQLite file.
if (!process.env.VERSO_TEST_DIR) {
  process.env.VERSO_TEST_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "verso-test-"));
}
const testDir = process.env.VERSO_TEST_DIR;

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
          env: {
            DATABASE_URL: `file:${path.join(testDir, "verso.db")}`,
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
