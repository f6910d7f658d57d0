// Benchmark: every automatic check over 15 versions × 600 segments (budget 300 ms, DESIGN.md "Budgets").
// The article is built from the demo's real paragraphs (zh source; de, en, fr, es, ru, ja under several
// labels), so the checks meet real names, numbers and quotes. Each position joins two paragraphs in a
// combination no other position has, so no text repeats down a version: per-text memos cannot flatter
// the figure (versions in the same language under different labels do share text). Spelling dictionaries are loaded before timing:
// the server keeps them once loaded. Median of BENCH_RUNS runs after one warm-up.
import fs from "node:fs";
import path from "node:path";
import nspell from "nspell";
import { packSpellerNow } from "../lib/checks/text-compact-speller";
import { runChecks, type ArticleForChecks, type CheckVersion, type Speller } from "../lib/checks";
import { splitPlainText } from "../lib/text";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_MS = 300;
const SEGMENTS = 600;
const VERSIONS = 15;
const seedData = path.resolve(__dirname, "../prisma/seed-data");
const FILES: Record<string, string> = { zh: "zh.txt", de: "000_fd11f6bd83abf008.txt", en: "en.txt", fr: "fr.txt", es: "es.txt", ru: "ru.txt", ja: "ja.txt" };

function tiled(lang: string, label: string, isSource: boolean): CheckVersion {
  const blocks = splitPlainText(fs.readFileSync(path.join(seedData, FILES[lang]), "utf8"));
  return {
    id: `${lang}-${label}`,
    lang,
    label,
    isSource,
    segments: Array.from({ length: SEGMENTS }, (_, i) => {
      const first = blocks[i % blocks.length];
      const second = blocks[(Math.floor(i / blocks.length) * 7 + i + 3) % blocks.length];
      const paragraph = first.kind === "paragraph" && second.kind === "paragraph";
      return { position: i + 1, kind: first.kind, text: paragraph ? `${first.text} ${second.text}` : first.text };
    }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main() {
  const targets = ["de", "en", "fr", "es", "ru", "ja"];
  const versions: CheckVersion[] = [];
  for (let i = 0; versions.length < VERSIONS - 1; i++) versions.push(tiled(targets[i % targets.length], `system-${Math.floor(i / targets.length) + 1}`, false));
  const spellers = new Map<string, Speller>();
  for (const lang of ["de", "en", "fr", "es"]) {
    const dir = path.resolve(__dirname, `../node_modules/dictionary-${lang}`);
    spellers.set(lang, packSpellerNow(nspell(fs.readFileSync(path.join(dir, "index.aff")), fs.readFileSync(path.join(dir, "index.dic")))));
  }
  const article: ArticleForChecks = {
    source: tiled("zh", "source", true),
    versions,
    glossary: [{ lang: "de", canonical: "Sutskever", variants: ["Suzkwer"] }],
    speller: (lang) => spellers.get(lang) ?? null,
  };

  let findings = 0;
  runChecks(article); // warm-up
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const results = runChecks(article, { onError: (id, error) => console.error(`check ${id} failed:`, error) });
    times.push(performance.now() - started);
    findings = [...results.values()].reduce((sum, list) => sum + list.length, 0);
  }
  const result = {
    name: "checks_all_15x600_ms",
    unit: "ms",
    median: Math.round(median(times)),
    min: Math.round(Math.min(...times)),
    max: Math.round(Math.max(...times)),
    runs: RUNS,
    budget: BUDGET_MS,
    met: median(times) <= BUDGET_MS,
    findings,
  };
  fs.mkdirSync(path.resolve(__dirname, "results"), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, "results/checks.json"), JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2) + "\n");
  console.log(`all checks, ${VERSIONS} versions × ${SEGMENTS} segments: median ${result.median} ms (min ${result.min}, max ${result.max}, ${RUNS} runs); budget ${BUDGET_MS} ms: ${result.met ? "met" : "MISSED"}; ${findings} findings`);
}

main();
