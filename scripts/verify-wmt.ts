// `npm run verify:wmt`: imports the real WMT21 TED en-de MQM file into a temporary
// database and checks Verso's system scores against the published ones.
// Skips cleanly when ../shared (which holds the third-party file) is absent.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const FILE = path.resolve(__dirname, "../../shared/data/wmt-mqm/mqm_ted_ende.tsv");

// From ../shared/data/wmt-mqm/README.md (lower is better).
const PUBLISHED: Record<string, number> = {
  ref: 0.91,
  "Facebook-AI": 1.06,
  "Online-W": 1.12,
  "VolcTrans-AT": 1.24,
  metricsystem3: 1.44,
  "VolcTrans-GLAT": 1.49,
  HuaweiTSC: 1.5,
  metricsystem1: 1.63,
  metricsystem2: 1.69,
  metricsystem5: 1.72,
  UEdin: 1.77,
  metricsystem4: 1.78,
  eTranslation: 1.96,
  Nemo: 2.14,
};

async function main(): Promise<number> {
  if (!fs.existsSync(FILE)) {
    console.log(`skipped: ${FILE} is not here (it lives in the shared folder beside the project).`);
    return 0;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verso-wmt-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "wmt.db")}`;
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { stdio: "ignore", env: process.env });

  const { CLI_ACTOR } = await import("../lib/server/actor");
  const { importMqm } = await import("../lib/server/mqm-import");
  const { computeScores } = await import("../lib/server/scores");
  const started = performance.now();
  const result = await importMqm(CLI_ACTOR, { fileName: path.basename(FILE), bytes: fs.readFileSync(FILE), sourceLang: "en", targetLang: "de" });
  console.log(`imported ${result.articles.length} docs, ${result.versions} versions, ${result.annotations} annotations, ${result.reviewMarks} rated pairs in ${Math.round(performance.now() - started)} ms`);

  const scores = await computeScores(CLI_ACTOR, { by: "system" });
  let failures = 0;
  console.log("system\tverso\tpublished");
  for (const [system, published] of Object.entries(PUBLISHED)) {
    const row = scores.find((s) => s.system === system);
    const ours = row ? row.mqm.toFixed(2) : "missing";
    const ok = row !== undefined && ours === published.toFixed(2);
    if (!ok) failures += 1;
    console.log(`${system}\t${ours}\t${published.toFixed(2)}${ok ? "" : "\tMISMATCH"}`);
  }
  // A Verso export must re-import to the same scores.
  const { exportMqmTsv } = await import("../lib/server/mqm-export");
  const exported = await exportMqmTsv(CLI_ACTOR, result.articles);
  await importMqm(CLI_ACTOR, { fileName: "verso-export.tsv", bytes: Buffer.from(exported), sourceLang: "en", targetLang: "de", replace: true });
  const again = await computeScores(CLI_ACTOR, { by: "system" });
  const drift = again.filter((row) => Math.abs(row.mqm - (scores.find((s) => s.system === row.system)?.mqm ?? NaN)) > 1e-9 || !scores.some((s) => s.system === row.system));
  console.log(drift.length === 0 ? "export → re-import: identical system scores" : `export → re-import changed ${drift.map((d) => d.system).join(", ")}`);
  if (drift.length > 0) failures += 1;

  fs.rmSync(dir, { recursive: true, force: true });
  console.log(failures === 0 ? "all 14 published system scores reproduced to 2 decimals" : `${failures} system scores differ`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
