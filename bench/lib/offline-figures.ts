// The figures measured without the bench server: MQM import through the CLI
// (bench/mqm-import.ts) beside the sqlite3 shell, and the checks (bench/checks.ts).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { figure, missing, type Figure } from "./figures";
import { root, tsxCli } from "./server";

export const TED_FILE = path.resolve(root, "../shared/data/wmt-mqm/mqm_ted_ende.tsv");
const MQM_BUDGET_MS = 2000;

function runTsx(script: string, env: NodeJS.ProcessEnv = process.env): void {
  const run = spawnSync(process.execPath, [tsxCli, script], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`${script} failed (${run.status ?? run.signal})`);
}

function sqlite3Available(): boolean {
  return spawnSync("sqlite3", ["-version"], { stdio: "ignore" }).status === 0;
}

/** The sqlite3 shell importing the TSV into one table of a fresh database: the floor for any import. */
function sqlite3Import(runs: number): number[] {
  const samples: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verso-bench-sqlite3-"));
    const started = performance.now();
    execFileSync("sqlite3", [path.join(dir, "ted.db"), ".mode tabs", `.import ${TED_FILE} mqm`], { stdio: ["ignore", "ignore", "inherit"] });
    const ms = performance.now() - started;
    fs.rmSync(dir, { recursive: true, force: true });
    if (run > 0) samples.push(ms); // run 0 warms the page cache
  }
  return samples;
}

/**
 * Figure 4. bench/mqm-import.ts keeps its own measurement (a fresh migrated
 * database per run, the CLI end to end) and writes bench/results/mqm-import.json;
 * it runs once more than asked and the first run is dropped as the warm-up.
 */
export function mqmImportFigure(runs: number): Figure {
  const name = "mqm_import_ted_cli_ms";
  const baselineName = "sqlite3_shell_import_ms";
  if (!fs.existsSync(TED_FILE)) return missing(name, "ms", MQM_BUDGET_MS, `skipped: ${TED_FILE} is absent`, baselineName);
  const resultFile = path.join(root, "bench", "results", "mqm-import.json");
  const before = fs.statSync(resultFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  runTsx("bench/mqm-import.ts", { ...process.env, BENCH_RUNS: String(runs + 1) });
  const stat = fs.statSync(resultFile, { throwIfNoEntry: false });
  if (!stat || stat.mtimeMs <= before) return missing(name, "ms", MQM_BUDGET_MS, "bench/mqm-import.ts wrote no result", baselineName);
  const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as { samplesMs?: number[]; rows?: number };
  const samples = (result.samplesMs ?? []).slice(1);
  const rows = result.rows ? `${result.rows} rows of mqm_ted_ende.tsv` : "mqm_ted_ende.tsv";
  if (!sqlite3Available()) {
    return figure(name, "ms", samples, {
      budget: MQM_BUDGET_MS,
      baseline: { name: baselineName, samples: [] },
      note: `${rows}, fresh database per run; baseline missing: no sqlite3 binary (apt-get install -y sqlite3)`,
    });
  }
  return figure(name, "ms", samples, {
    budget: MQM_BUDGET_MS,
    baseline: { name: baselineName, samples: sqlite3Import(runs) },
    note: `${rows} through \`verso import-mqm\` (node start-up included), fresh database per run; baseline: sqlite3 .import of the same file into one table`,
  });
}

interface ChecksResult {
  figures: { name: string; unit: string; median: number; min: number; max: number; runs: number; budget: number | null; met: boolean | null; findings?: number }[];
}

/** Figure 5: bench/checks.ts's own figures, folded in. */
export function checksFigures(): Figure[] {
  const resultFile = path.join(root, "bench", "results", "checks.json");
  const before = fs.statSync(resultFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  runTsx("bench/checks.ts");
  const stat = fs.statSync(resultFile, { throwIfNoEntry: false });
  if (!stat || stat.mtimeMs <= before) return [missing("checks_all_15x600_ms", "ms", 300, "bench/checks.ts wrote no result")];
  const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as ChecksResult;
  return result.figures.map((f) => ({
    name: f.name,
    unit: f.unit,
    median: f.median,
    min: f.min,
    max: f.max,
    runs: f.runs,
    budget: f.budget,
    met: f.met,
    baseline_name: null,
    baseline_median: null,
    ratio: null,
    note: `from bench/checks.ts (in-process)${f.findings !== undefined ? `, ${f.findings} findings` : ""}`,
  }));
}
