// Benchmark: the whole WMT TED file imported end to end through the CLI (budget 2 s, DESIGN.md).
// Median of several runs on fresh databases, with the CLI's bare start-up as the baseline from the same run.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, dropDatabase, freshDatabaseUrl, isPostgresqlUrl } from "../scripts/lib/postgresql-database";

const FILE = path.resolve(__dirname, "../../shared/data/wmt-mqm/mqm_ted_ende.tsv");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_MS = 2000;
const cli = path.resolve(__dirname, "../scripts/verso-bin.cjs");
const prisma = path.resolve(__dirname, "../node_modules/.bin/prisma");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  execFileSync(process.execPath, [cli, ...args], { env, stdio: "ignore" });
  return performance.now() - started;
}

/** A fresh database per run: a SQLite file in `dir`, or with DATABASE_URL=postgresql://… a new database on that server. */
async function freshDatabase(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!isPostgresqlUrl(server)) return { url: `file:${path.join(dir, "bench.db")}`, drop: async () => undefined };
  const url = freshDatabaseUrl(server, "verso_bench_mqm");
  await createDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}

async function main() {
  if (!fs.existsSync(FILE)) {
    console.log(`skipped: ${FILE} is not here.`);
    return;
  }
  const rows = fs.readFileSync(FILE, "utf8").split("\n").filter(Boolean).length - 1;
  const imports: number[] = [];
  const startups: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verso-bench-"));
    const database = await freshDatabase(dir);
    const env = { ...process.env, DATABASE_URL: database.url };
    try {
      execFileSync(prisma, ["migrate", "deploy"], { env, stdio: "ignore" });
      startups.push(timed(["--help"], env));
      imports.push(timed(["import-mqm", FILE], env));
    } finally {
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const result = {
    benchmark: "mqm-import-cli",
    rows,
    runs: RUNS,
    database: isPostgresqlUrl(process.env.DATABASE_URL) ? "postgresql" : "sqlite",
    medianMs: Math.round(median(imports)),
    baselineCliStartupMedianMs: Math.round(median(startups)),
    budgetMs: BUDGET_MS,
    withinBudget: median(imports) <= BUDGET_MS,
    samplesMs: imports.map(Math.round),
    at: new Date().toISOString(),
  };
  fs.mkdirSync(path.resolve(__dirname, "results"), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, "results", "mqm-import.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
