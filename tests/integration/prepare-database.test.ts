// Several app servers starting at once on one PostgreSQL database: one migrates and seeds the demo, the others wait and find it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, providerOf } from "@/lib/server/db";
import { DEMO_SLUG } from "@/lib/server/demo-seed";
import { createDatabase, dropDatabase, freshDatabaseUrl } from "@/scripts/lib/postgresql-database";

const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps) await cleanUp();
});

/** `tsx scripts/prepare-db.ts` (what `npm start` runs first) as its own process. */
function prepare(url: string): Promise<{ status: number | null; output: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "verso-prepare-"));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/prepare-db.ts"], {
      env: { ...process.env, DATABASE_URL: url, VERSO_DATA_DIR: dataDir },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe.skipIf(providerOf() !== "postgresql")("preparing one PostgreSQL database from several servers at once", () => {
  it("migrates and seeds the demo exactly once", async () => {
    const url = freshDatabaseUrl(process.env.DATABASE_URL!, "verso_prepare");
    await createDatabase(url);
    cleanUps.push(() => dropDatabase(url));
    const runs = await Promise.all([prepare(url), prepare(url), prepare(url)]);
    for (const run of runs) expect(run.status, run.output).toBe(0);
    expect(runs.filter((run) => run.output.includes("Demo accounts"))).toHaveLength(1);

    const client = openDatabase(url);
    cleanUps.unshift(() => client.$disconnect());
    expect(await client.article.count({ where: { slug: DEMO_SLUG } })).toBe(1);
    expect(await client.user.count()).toBe(3);
  }, 180_000);
});
