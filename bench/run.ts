// npm run bench: every figure of issue 7 on a temporary database and the
// .next-bench production build; writes bench/results.json and prints a table.
// BENCH_RUNS (default 5, at least 5) sets the timed runs per figure; BENCH_REBUILD=1 forces a build.
// While iterating: BENCH_SKIP=checks,mqm,export,page,browser,writes,cold leaves figures out, BENCH_LOAD_SECONDS shortens the load runs.
import { execFileSync, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchBrowser, loadReviewPage } from "./lib/browser";
import { figure, missing, percentile, table, type Figure, type Results } from "./lib/figures";
import { annotateAndApply, closedLoop, timedRequest, type WriteTarget } from "./lib/load";
import { checksFigures, mqmImportFigure } from "./lib/offline-figures";
import { createDatabase, dropDatabase, freshDatabaseUrl, isPostgresqlUrl } from "../scripts/lib/postgresql-database";
import type { BenchAccounts } from "./lib/prepare-workload";
import { benchEnv, ensureBuild, freePort, newSecret, root, serverArgs, signIn, startServer, STATIC_FILE, stopServer, tsxCli } from "./lib/server";

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS) || 5);
const SLUG = "bench-long";
const CLIENTS = 20;
const LOAD_MS = (Number(process.env.BENCH_LOAD_SECONDS) || 15) * 1000;
const SKIP = new Set((process.env.BENCH_SKIP ?? "").split(",").map((s) => s.trim()));

const tsx = (args: string[], env: NodeJS.ProcessEnv, inherit = false) =>
  execFileSync(process.execPath, [tsxCli, ...args], { cwd: root, env, stdio: ["ignore", inherit ? "inherit" : "pipe", "inherit"], maxBuffer: 64 * 1_048_576 });

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  return body;
}

/** Figure 1: the review page's full response, warm, against a static file with the very same bytes served by the same server. */
async function reviewPageFigure(baseUrl: string, cookie: string): Promise<Figure> {
  const pageUrl = `${baseUrl}/en/articles/${SLUG}`;
  let html: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 3; i++) html = await get(pageUrl, { cookie });
  if (!html.includes("data-position")) throw new Error(`${pageUrl} has no grid: is the session accepted?`);
  fs.writeFileSync(STATIC_FILE, html);
  const staticUrl = `${baseUrl}/bench/${path.basename(STATIC_FILE)}`;
  if (!(await get(staticUrl)).equals(html)) throw new Error(`${staticUrl} does not serve the copy of the page`);
  const page: number[] = [];
  const copy: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    page.push(await timed(() => get(pageUrl, { cookie })));
    copy.push(await timed(() => get(staticUrl)));
  }
  return figure("review_page_server_ms", "ms", page, {
    budget: 300,
    baseline: { name: "static_same_size_ms", samples: copy },
    note: `GET /en/articles/${SLUG} (${(html.length / 1024).toFixed(0)} KB of HTML: the first page, 50 positions × 15 versions) until the last byte; baseline: the same bytes as a public/ file`,
  });
}

/** Figures 2 and 3: headless Chromium, one fresh context per run after one warm-up load. */
async function browserFigures(baseUrl: string, cookie: string): Promise<Figure[]> {
  const browser = await launchBrowser();
  if (typeof browser === "string") return [missing("review_page_usable_chromium_ms", "ms", 1500, browser), missing("review_page_html_js_bytes", "bytes", 1_500_000, browser)];
  try {
    const url = `${baseUrl}/en/articles/${SLUG}`;
    await loadReviewPage(browser, url, cookie);
    const loads = [];
    for (let run = 0; run < RUNS; run++) loads.push(await loadReviewPage(browser, url, cookie));
    const transferred = loads[loads.length - 1].htmlJsTransferred;
    return [
      figure("review_page_usable_chromium_ms", "ms", loads.map((l) => l.usableMs), {
        budget: 1500,
        note: "navigation start until the first grid row's text is on screen and hydrated (React handler attached); empty cache per run",
      }),
      figure("review_page_html_js_bytes", "bytes", loads.map((l) => l.htmlJsBytes), {
        budget: 1_500_000,
        note: `an aim, not a budget: document + scripts decoded; ${(transferred / 1024).toFixed(0)} KB compressed on the wire`,
      }),
    ];
  } finally {
    await browser.close();
  }
}

/**
 * Figure 6: 20 clients annotate + apply for 15 s per run; the baseline is GET /api/health under the same load,
 * run for run. Beside them, the harness's floor: the same clients against a bare node:http server.
 */
async function writeFigures(baseUrl: string, accounts: BenchAccounts, env: NodeJS.ProcessEnv): Promise<Figure[]> {
  const read = () => JSON.parse(tsx(["bench/lib/write-targets.ts", SLUG], env).toString("utf8")) as { targets: WriteTarget[]; annotations: number };
  const { targets, annotations: before } = read();
  const tokens = accounts.reviewers.map((r) => r.token);
  const tally = { created: 0, applied: 0 };
  const cursor = { next: 0 };
  const writer = annotateAndApply(baseUrl, tokens, targets, tally, cursor);
  const health = (url = baseUrl) => (record: Parameters<typeof timedRequest>[0]) => async () => void (await timedRequest(record, `${url}/api/health`));
  const floorPort = await freePort();
  const floorServer = await startServer(process.execPath, [path.join(root, "bench/lib/floor-server.mjs"), String(floorPort)], { ...env, PORT: String(floorPort) });
  const floor = (record: Parameters<typeof timedRequest>[0]) => async () => void (await timedRequest(record, `http://localhost:${floorPort}/api/health`));
  await closedLoop(CLIENTS, 3000, writer);
  await closedLoop(CLIENTS, 3000, health());
  await closedLoop(CLIENTS, 3000, floor);
  const writes = [];
  const probes = [];
  const floors = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      writes.push(await closedLoop(CLIENTS, LOAD_MS, writer));
      probes.push(await closedLoop(CLIENTS, LOAD_MS, health()));
      floors.push(await closedLoop(CLIENTS, LOAD_MS, floor));
    }
  } finally {
    await stopServer(floorServer.child);
  }
  const stored = read().annotations - before;
  const requests = writes.reduce((sum, w) => sum + w.requests, 0);
  const errors = writes.reduce((sum, w) => sum + w.errors, 0);
  const throughput = Math.round(requests / ((RUNS * LOAD_MS) / 1000));
  const examples = writes.flatMap((w) => w.examples).slice(0, 2);
  return [
    figure("annotation_write_p99_ms", "ms", writes.map((w) => percentile(w.latencies, 99)), {
      budget: 50,
      baseline: { name: "health_get_p99_ms", samples: probes.map((p) => percentile(p.latencies, 99)) },
      note: `p99 per ${LOAD_MS / 1000} s run of ${CLIENTS} closed-loop API clients, each POST annotation then POST apply (${throughput} writes/s); median write ${percentile(writes.flatMap((w) => w.latencies), 50).toFixed(1)} ms; ${stored} annotations stored for ${tally.created} acknowledged creates, ${tally.applied} applies acknowledged (warm-up included)`,
    }),
    figure("load_floor_bare_node_p99_ms", "ms", floors.map((f) => percentile(f.latencies, 99)), {
      note: `the same ${CLIENTS} clients, run for run, against a bare node:http server in its own process answering like /api/health (bench/lib/floor-server.mjs): what the machine and the harness cost before any framework or database (${Math.round(floors.reduce((sum, f) => sum + f.requests, 0) / ((RUNS * LOAD_MS) / 1000))} requests/s)`,
    }),
    figure("annotation_write_errors", "count", writes.map((w) => w.errors), {
      budget: 0,
      note: `${errors} failed of ${requests} write requests${examples.length ? `; e.g. ${examples.join(" | ")}` : ""}`,
    }),
  ];
}

/** Figure 7, in a tsx process on the bench database (bench/lib/export-all.ts): the whole article at once, and file by file. */
function exportFigures(env: NodeJS.ProcessEnv): Figure[] {
  const exported = JSON.parse(tsx(["bench/lib/export-all.ts", SLUG, String(RUNS)], env).toString("utf8")) as {
    samples: number[];
    perFile: number[];
    files: number;
    bytes: number;
    formats: number;
    versions: number;
  };
  const what = `${exported.formats - 1} formats × ${exported.versions} versions + mqm-tsv once (it holds every version) = ${exported.files} files, ${(exported.bytes / 1_048_576).toFixed(1)} MB`;
  return [
    figure("export_all_formats_all_versions_ms", "ms", exported.samples, {
      budget: 1000,
      note: `in-process exportArticle (lib/server/export.ts, what \`verso export --all\` calls; each version read once): ${what}`,
    }),
    figure("export_file_by_file_ms", "ms", exported.perFile, {
      note: `the same files through exportVersion one call each (what one API request or \`verso export --format F\` does; the version is read for every file)`,
    }),
  ];
}

/** Figure 8: `npm start` (scripts/start.ts) on the existing build and database, until /api/health answers; one warm-up start first. */
async function coldStartFigure(env: NodeJS.ProcessEnv): Promise<Figure> {
  const samples: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const port = await freePort();
    const { child, ms } = await startServer("npm", ["start", "--silent"], { ...env, PORT: String(port), BETTER_AUTH_URL: `http://localhost:${port}` });
    await stopServer(child);
    if (run > 0) samples.push(ms);
  }
  return figure("cold_start_ms", "ms", samples, { note: "npm start (migrate check, build check, scripts/server.ts) on the existing .next-bench build and database until GET /api/health is 200" });
}

function commit(): string {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).stdout.trim();
  return head ? `${head}${dirty ? "+uncommitted" : ""}` : "unknown";
}

async function main() {
  const started = performance.now();
  // Before the run: the bench writes result files of its own, which would mark the tree changed.
  const revision = commit();
  const build = ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verso-bench-"));
  const port = await freePort();
  // DATABASE_URL=postgresql://… runs the bench on a fresh database on that server, dropped at the end.
  const postgresql = isPostgresqlUrl(process.env.DATABASE_URL) ? freshDatabaseUrl(process.env.DATABASE_URL, "verso_bench") : null;
  if (postgresql) await createDatabase(postgresql);
  const env = benchEnv(dir, port, newSecret(), postgresql ?? undefined);
  const baseUrl = `http://localhost:${port}`;
  const figures: Figure[] = [];
  let server: ChildProcess | null = null;
  try {
    console.log("Preparing the workload: users, tokens, the synthetic article (15 × 600, annotations on 10% of cells)…");
    const accounts = JSON.parse(tsx(["bench/lib/prepare-workload.ts", String(CLIENTS)], env).toString("utf8")) as BenchAccounts;
    tsx(["scripts/generate-long-article.ts", "--slug", SLUG, "--versions", "15", "--segments", "600", "--annotate", "0.1"], env, true);

    const step = async <T>(name: string, label: string, run: () => T | Promise<T>): Promise<T | []> => {
      if (SKIP.has(name)) return [];
      console.log(`${label}…`);
      return run();
    };
    const checks = await step("checks", "Checks (bench/checks.ts)", checksFigures);
    // On PostgreSQL the imports go to fresh databases on that server; the baseline stays the sqlite3 shell's import of the file.
    const mqm = await step("mqm", "MQM import (bench/mqm-import.ts, sqlite3)", () => mqmImportFigure(RUNS));
    const exported = await step("export", "Export", () => exportFigures(env));

    server = (await startServer(process.execPath, serverArgs(port), env)).child;
    const cookie = await signIn(baseUrl, accounts.admin.email, accounts.admin.password);
    const page = await step("page", "Review page, server", () => reviewPageFigure(baseUrl, cookie));
    const browser = await step("browser", "Review page, Chromium", () => browserFigures(baseUrl, cookie));
    const writes = await step("writes", `Writes: ${CLIENTS} clients, ${RUNS} × ${LOAD_MS / 1000} s, and the health baseline`, () => writeFigures(baseUrl, accounts, env));
    await stopServer(server);
    server = null;
    const cold = await step("cold", "Cold starts", () => coldStartFigure(env));

    figures.push(...[page, browser, mqm, checks, writes, exported, cold].flat());
    const results: Results = {
      date: new Date().toISOString(),
      commit: revision,
      machine: { nproc: os.availableParallelism(), memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, database: postgresql ? "postgresql" : "sqlite" },
      figures,
    };
    fs.writeFileSync(path.join(root, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
    console.log(`\n${table(figures)}\n`);
    for (const f of figures) if (f.note) console.log(`- ${f.name}: ${f.note}`);
    console.log(`\nWrote bench/results.json in ${((performance.now() - started) / 1000).toFixed(0)} s${build.built ? ` (build ${(build.ms / 1000).toFixed(0)} s)` : ""}.`);
  } finally {
    if (server) await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
    if (postgresql) await dropDatabase(postgresql);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
