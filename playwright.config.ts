import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, defineConfig, devices } from "@playwright/test";
import { freshDatabaseUrl, isPostgresqlUrl } from "./scripts/lib/postgresql-database";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
// Keep Chromium off the network: this machine has none, and it must not try.
const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function browserPath(): string | undefined {
  if (fs.existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // fall through to the explanation below
  }
  throw new Error(
    "No browser for the end-to-end tests. Install Debian's Chromium (apt-get install -y chromium, found at /usr/bin/chromium) " +
      "or Playwright's own (npx playwright install chromium).",
  );
}

function freePort(): string {
  return execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
  ]).toString().trim();
}

// The config is evaluated by the runner and again by every worker; prepare once and share through the environment.
if (!process.env.E2E_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verso-e2e-"));
  process.env.E2E_DIR = dir;
  process.env.E2E_PORT = freePort();
  process.env.E2E_PORT_B = freePort();
  // A fresh SQLite file, or with DATABASE_URL=postgresql://… a fresh database on that server (dropped by tests/e2e/teardown.ts).
  const server = process.env.DATABASE_URL;
  process.env.E2E_DATABASE_URL = isPostgresqlUrl(server) ? freshDatabaseUrl(server, "verso_e2e") : `file:${path.join(dir, "verso.db")}`;
  process.env.E2E_SECRET = crypto.randomBytes(32).toString("base64url");
  if (isPostgresqlUrl(server)) {
    execFileSync(process.execPath, [require.resolve("tsx/cli"), "scripts/pg-database.ts", "create", process.env.E2E_DATABASE_URL], { stdio: "inherit" });
  }
  execFileSync(process.execPath, [require.resolve("tsx/cli"), "tests/e2e/prepare.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, VERSO_DATA_DIR: dir },
  });
}

const port = process.env.E2E_PORT!;
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: browserPath(), args: LAUNCH_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1600, height: 1000 } } }],
  // Server A serves the tests; server B, on the same database, is for tests/e2e/two-servers.spec.ts.
  webServer: [port, process.env.E2E_PORT_B!].map((serverPort) => ({
    // Verso's production server: Next.js for the pages, the JSON API from its route modules (scripts/server.ts).
    command: `node --import tsx scripts/server.ts -p ${serverPort}`,
    url: `http://localhost:${serverPort}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL!,
      VERSO_DATA_DIR: process.env.E2E_DIR!,
      BETTER_AUTH_SECRET: process.env.E2E_SECRET!,
      BETTER_AUTH_URL: `http://localhost:${serverPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // Only the quick English dictionary, so that loading French does not compete with the tests for CPU.
      VERSO_DICTIONARIES: "en",
      PORT: serverPort,
    },
  })),
});
