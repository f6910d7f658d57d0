// Seeds a long synthetic article for trying the workspace at scale (and for npm run bench):
//   npx tsx scripts/generate-long-article.ts [--slug long-demo] [--versions 15] [--segments 600] [--annotate 0.1] [--replace]
// --annotate F marks an error on a fraction F of the translations' cells (a third of them applied), with a fixed seed.
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "../lib/server/actor";
import { createAnnotation } from "../lib/server/annotations";
import { db } from "../lib/server/db";
import { importVersion } from "../lib/server/import-version";

const LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "zh", "ja", "ko", "ar", "he", "tr", "sv", "cs", "fi", "el", "uk"];
const SYLLABLES: Record<string, string[]> = {
  ru: ["ра", "но", "ве", "ст", "ко", "ли", "да", "мо"],
  zh: ["模", "型", "公", "司", "研", "究", "人", "员", "安", "全"],
  ja: ["モ", "デ", "ル", "研", "究", "者", "安", "全", "の", "は"],
  ko: ["모", "델", "연", "구", "자", "안", "전", "회", "사"],
  ar: ["ال", "مو", "ذج", "شر", "كة", "بح", "ث"],
  he: ["מו", "דל", "חב", "רה", "מח", "קר"],
  el: ["μο", "ντε", "λο", "ερ", "ευ", "να"],
  uk: ["мо", "де", "ль", "до", "сл", "ід"],
};
const LATIN = ["ka", "lo", "ven", "tra", "mi", "sor", "del", "an", "ter", "qu", "ix", "ber"];

/** A small deterministic PRNG, so that every run makes the same article. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function paragraph(lang: string, position: number): string {
  const next = random(position * 7919 + lang.charCodeAt(0) * 31 + (lang.charCodeAt(1) || 0));
  const syllables = SYLLABLES[lang] ?? LATIN;
  const cjk = lang === "zh" || lang === "ja";
  const words = 12 + Math.floor(next() * 40);
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const length = 1 + Math.floor(next() * 3);
    let word = "";
    for (let j = 0; j < length; j++) word += syllables[Math.floor(next() * syllables.length)];
    out.push(i === 0 && !cjk ? word[0].toUpperCase() + word.slice(1) : word);
  }
  return out.join(cjk ? "" : " ") + (cjk ? "。" : ".");
}

function article(lang: string, segments: number): string {
  const blocks = [`Long synthetic article (${lang})`];
  for (let position = 2; position <= segments; position++) {
    blocks.push(position % 25 === 0 ? `Section ${position / 25}` : paragraph(lang, position));
  }
  return blocks.join("\n\n");
}

const ANNOTATION_KINDS = [
  { category: "Accuracy/Mistranslation", severity: "major" },
  { category: "Fluency/Spelling", severity: "minor" },
  { category: "Terminology/Inconsistent use of terminology", severity: "minor" },
  { category: "Fluency/Grammar", severity: "minor" },
  { category: "Style/Awkward", severity: "neutral" },
] as const;

/** Marks one word of a fraction of the translations' cells through lib/server, as reviewers would; every third is applied. */
async function annotate(slug: string, fraction: number): Promise<number> {
  const next = random(20240819);
  const segments = await db.segment.findMany({
    where: { article: { slug }, version: { isSource: false } },
    orderBy: [{ versionId: "asc" }, { position: "asc" }],
    select: { id: true, originalText: true },
  });
  let made = 0;
  for (const segment of segments) {
    if (next() >= fraction) continue;
    const words = [...segment.originalText.matchAll(/[^\s.。]+/g)];
    const word = words[Math.floor(next() * words.length)];
    if (!word || word.index === undefined) continue;
    const kind = ANNOTATION_KINDS[made % ANNOTATION_KINDS.length];
    const suggest = made % 2 === 0;
    await createAnnotation(CLI_ACTOR, segment.id, {
      start: word.index,
      end: word.index + word[0].length,
      quote: word[0],
      category: kind.category,
      severity: kind.severity,
      note: made % 4 === 0 ? "Synthetic annotation for the benchmark workload." : undefined,
      suggestion: suggest ? word[0].split("").reverse().join("") : undefined,
      apply: suggest && made % 3 === 0,
    });
    made += 1;
  }
  return made;
}

async function main() {
  const { values } = parseArgs({
    options: {
      slug: { type: "string", default: "long-demo" },
      versions: { type: "string", default: "15" },
      segments: { type: "string", default: "600" },
      annotate: { type: "string", default: "0" },
      replace: { type: "boolean", default: false },
    },
  });
  const versions = Math.min(LANGS.length, Math.max(1, Number(values.versions)));
  const segments = Math.max(2, Number(values.segments));
  const slug = values.slug!;
  if (values.replace) await db.article.deleteMany({ where: { slug } });
  const started = Date.now();
  for (const [index, lang] of LANGS.slice(0, versions).entries()) {
    await importVersion(CLI_ACTOR, {
      slug,
      lang,
      fileName: `${lang}.txt`,
      bytes: Buffer.from(article(lang, segments), "utf8"),
      isSource: index === 0,
      label: index === 0 ? "source" : "synthetic MT",
    });
  }
  const annotations = Number(values.annotate) > 0 ? await annotate(slug, Math.min(1, Number(values.annotate))) : 0;
  console.log(`Created ${slug}: ${versions} versions × ${segments} segments${annotations ? `, ${annotations} annotations` : ""} in ${Date.now() - started} ms.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
