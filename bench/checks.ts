// Benchmark: every automatic check over 15 versions × 600 segments (budget 300 ms, DESIGN.md "Budgets").
// The article is built from the demo's real paragraphs: a zh source and 14 machine translations in de, en,
// fr, es, ru and ja. Each segment is one real paragraph of its language (about 45 words) with a two-letter
// reference that makes every position's text unique, so per-text memos cannot flatter the figure; the second
// and third "system" of a language differ from the first by a word-order slip in every paragraph, as MT
// systems do. Spelling dictionaries are loaded and packed first, as the server keeps them.
// Figures (median of BENCH_RUNS runs after one warm-up, each on a fresh copy of the article):
//   checks_all_15x600_ms          the budget: a cold run, every check over every position
//   checks_one_edit_15x600_ms     after one paragraph of one version is edited, given the earlier run's state
//   checks_all_15x600_long_ms     stress, no budget: every segment two paragraphs long
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import nspell from "nspell";
import { checkArticle, type ArticleForChecks, type CheckVersion, type Speller } from "../lib/checks";
import { packSpellerNow } from "../lib/checks/text-compact-speller";
import { splitPlainText } from "../lib/text";

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const BUDGET_MS = 300;
const SEGMENTS = 600;
const VERSIONS = 15;
const seedData = path.resolve(__dirname, "../prisma/seed-data");
const FILES: Record<string, string> = { zh: "zh.txt", de: "000_fd11f6bd83abf008.txt", en: "en.txt", fr: "fr.txt", es: "es.txt", ru: "ru.txt", ja: "ja.txt" };
const TARGETS = ["de", "en", "fr", "es", "ru", "ja"];

/** Another system's rendering: two neighbouring words swapped at a fixed pseudo-random place. */
/** A two-letter reference (aa, ab, …) that makes each position's text unique without adding a number, name or word. */
/** A flat copy, as texts read from the database are (a joined string is flattened by whoever reads it first). */
function flat(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

function tag(i: number): string {
  return String.fromCharCode(97 + Math.floor(i / 26) % 26, 97 + (i % 26));
}

function otherSystem(text: string, seed: number): string {
  const words = text.split(" ");
  if (words.length < 4) return text;
  const at = 1 + ((seed * 2654435761) >>> 0) % (words.length - 2);
  [words[at], words[at + 1]] = [words[at + 1], words[at]];
  return words.join(" ");
}

function version(lang: string, label: string, system: number, long: boolean): CheckVersion {
  const blocks = splitPlainText(fs.readFileSync(path.join(seedData, FILES[lang]), "utf8"));
  return {
    id: `${lang}-${label}`,
    lang,
    label,
    isSource: lang === "zh",
    segments: Array.from({ length: SEGMENTS }, (_, i) => {
      const first = blocks[i % blocks.length];
      const second = blocks[(Math.floor(i / blocks.length) * 7 + i + 3) % blocks.length];
      let text = long && first.kind === "paragraph" && second.kind === "paragraph" ? `${first.text} ${second.text}` : first.text;
      if (system > 0 && first.kind === "paragraph") text = otherSystem(text, i * 31 + system);
      return { position: i + 1, kind: first.kind, text: flat(first.kind === "paragraph" ? `${text} (${tag(i)})` : text) };
    }),
  };
}

function article(long: boolean, spellers: Map<string, Speller>): ArticleForChecks {
  const versions: CheckVersion[] = [];
  for (let i = 0; versions.length < VERSIONS - 1; i++) versions.push(version(TARGETS[i % TARGETS.length], `system-${Math.floor(i / TARGETS.length) + 1}`, Math.floor(i / TARGETS.length), long));
  return {
    source: version("zh", "source", 0, long),
    versions,
    glossary: [{ lang: "de", canonical: "Sutskever", variants: ["Suzkwer"] }],
    speller: (lang) => spellers.get(lang) ?? null,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Figure {
  name: string;
  unit: "ms";
  median: number;
  min: number;
  max: number;
  runs: number;
  budget: number | null;
  met: boolean | null;
  findings: number;
}

function figure(name: string, times: number[], budget: number | null, findings: number): Figure {
  const m = median(times);
  return { name, unit: "ms", median: Math.round(m), min: Math.round(Math.min(...times)), max: Math.round(Math.max(...times)), runs: times.length, budget, met: budget === null ? null : m <= budget, findings };
}

const count = (results: Map<string, unknown[]>) => [...results.values()].reduce((sum, list) => sum + list.length, 0);
const onError = (id: string, error: unknown) => console.error(`check ${id} failed:`, error);

function cold(name: string, long: boolean, spellers: Map<string, Speller>, budget: number | null): Figure {
  checkArticle(article(long, spellers), null, { onError }); // warm-up
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    const fresh = article(long, spellers);
    const started = performance.now();
    findings = count(checkArticle(fresh, null, { onError }).results);
    times.push(performance.now() - started);
  }
  return figure(name, times, budget, findings);
}

function oneEdit(spellers: Map<string, Speller>): Figure {
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run <= RUNS; run++) {
    const before = article(false, spellers);
    const { state } = checkArticle(before, null, { onError });
    // A reviewer corrects one word in one paragraph of one version.
    const target = before.versions[run % before.versions.length];
    const at = (run * 97) % SEGMENTS;
    const segments = target.segments.map((s, i) => (i === at ? { ...s, text: s.text.replace(/\S+/, (w) => `${w}x`) } : s));
    const after = { ...before, versions: before.versions.map((v) => (v === target ? { ...v, segments } : v)) };
    const started = performance.now();
    findings = count(checkArticle(after, state, { onError }).results);
    if (run > 0) times.push(performance.now() - started); // the first is the warm-up
  }
  return figure("checks_one_edit_15x600_ms", times, null, findings);
}

// The server runs with a larger young generation (scripts/start.ts): the checks allocate a lot that lives
// for one run, and collecting it took a fifth of the time with the default. Measure the same.
const SERVER_V8_FLAG = "--max-semi-space-size=64";

function main() {
  if (![...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("--max-semi-space-size"))) {
    const child = spawnSync(process.execPath, [...process.execArgv, SERVER_V8_FLAG, ...process.argv.slice(1)], { stdio: "inherit" });
    process.exit(child.status ?? 1);
  }
  const spellers = new Map<string, Speller>();
  for (const lang of ["de", "en", "fr", "es"]) {
    const dir = path.resolve(__dirname, `../node_modules/dictionary-${lang}`);
    spellers.set(lang, packSpellerNow(nspell(fs.readFileSync(path.join(dir, "index.aff")), fs.readFileSync(path.join(dir, "index.dic")))));
  }
  const figures = [cold("checks_all_15x600_ms", false, spellers, BUDGET_MS), oneEdit(spellers), cold("checks_all_15x600_long_ms", true, spellers, null)];
  fs.mkdirSync(path.resolve(__dirname, "results"), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, "results/checks.json"), JSON.stringify({ date: new Date().toISOString(), figures }, null, 2) + "\n");
  for (const f of figures) {
    const verdict = f.budget === null ? "no budget" : `budget ${f.budget} ms: ${f.met ? "met" : "MISSED"}`;
    console.log(`${f.name}: median ${f.median} ms (min ${f.min}, max ${f.max}, ${f.runs} runs); ${verdict}; ${f.findings} findings`);
  }
}

main();
