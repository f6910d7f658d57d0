import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecks, type ArticleForChecks, type Finding } from "@/lib/checks";
import { CLI_ACTOR, type Actor } from "@/lib/server/actor";
import { currentFingerprint, getArticleFindings, lastCheckRun } from "@/lib/server/checks";
import { db } from "@/lib/server/db";
import { importVersion } from "@/lib/server/import-version";
import { editSegmentText } from "@/lib/server/segments";
import { makeActor, uniqueSlug } from "./helpers";

const SEED = path.join(__dirname, "../../prisma/seed-data");
const read = (file: string) => fs.readFileSync(path.join(SEED, file));

let reviewer: Actor;
let slug: string;
let articleId: string;

async function settled(): Promise<NonNullable<Awaited<ReturnType<typeof lastCheckRun>>>> {
  const want = await currentFingerprint(articleId);
  // Generous: a loaded CI machine may take seconds for a first run; the speed budget is measured by the bench, not here.
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const run = await lastCheckRun(articleId);
    if (run && run.fingerprint === want) return run;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the checks did not run after the change");
}

beforeAll(async () => {
  // In the app server writes trigger the checks at once; here the test asks for it.
  process.env.VERSO_EAGER_CHECKS = "1";
  reviewer = await makeActor("reviewer");
  slug = uniqueSlug("incremental");
  articleId = (await importVersion(CLI_ACTOR, { slug, lang: "zh", fileName: "zh.txt", bytes: read("zh.txt"), isSource: true })).articleId;
  for (const [lang, file] of [["de", "000_fd11f6bd83abf008.txt"], ["en", "en.txt"], ["fr", "fr.txt"], ["es", "es.txt"], ["ru", "ru.txt"], ["ja", "ja.txt"]]) {
    await importVersion(CLI_ACTOR, { slug, lang, fileName: file, label: "demo", bytes: read(file) });
  }
}, 60_000);

afterAll(() => {
  delete process.env.VERSO_EAGER_CHECKS;
});

describe("checks after import and after every change", () => {
  it("run on import, before anyone asks for findings", async () => {
    const run = await settled();
    expect(run.rechecked).toBeGreaterThan(0);
    const findings = await getArticleFindings(reviewer, slug, { lang: "de" });
    expect(findings.map((f) => f.quote)).toContain("Suzkwer");
    // Asking did not run them again: the import's run was current.
    expect(await lastCheckRun(articleId)).toEqual(run);
  }, 60_000);

  it("run again by themselves when a spelling dictionary finishes loading after the import's run", async () => {
    // The import's run started loading English (VERSO_DICTIONARIES=en) and ran without it; nobody edits or asks meanwhile.
    const deadline = Date.now() + 45_000;
    let run = await lastCheckRun(articleId);
    while (!run?.fingerprint.endsWith(":en") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = await lastCheckRun(articleId);
    }
    expect(run?.fingerprint.endsWith(":en")).toBe(true);
    expect(run?.fingerprint).toBe(await currentFingerprint(articleId));
  }, 60_000);

  it("re-check only around the edited position when the edit leaves names and vocabulary alone, with the same findings as a full run", async () => {
    const german = await db.version.findFirstOrThrow({ where: { articleId, lang: "de" }, select: { id: true } });
    const segment = await db.segment.findFirstOrThrow({ where: { versionId: german.id, text: { contains: ". ." } } });
    await editSegmentText(reviewer, segment.id, { text: segment.text.replace(". .", "."), baseRevision: segment.revision });
    const run = await settled();
    const cells = run.rechecked + run.reused;
    // Checks with a context (names, glued, truncation) may re-run whole; every other check looks at one or two positions.
    expect(run.reused).toBeGreaterThan(cells / 2);
    const findings = await getArticleFindings(reviewer, slug, { lang: "de" });
    expect(findings.some((f) => f.quote === ". .")).toBe(false);
    expect(findings.map((f) => f.quote)).toContain("Suzkwer");

    // The same article checked from scratch gives exactly these findings (German has no speller here: VERSO_DICTIONARIES=en).
    const [versions, terms] = await Promise.all([
      db.version.findMany({
        where: { articleId },
        orderBy: [{ isSource: "desc" }, { lang: "asc" }, { label: "asc" }],
        select: { id: true, lang: true, label: true, isSource: true, segments: { orderBy: { position: "asc" }, select: { position: true, kind: true, text: true } } },
      }),
      db.glossaryTerm.findMany({ where: { OR: [{ articleId }, { articleId: null }] }, select: { lang: true, canonical: true, variants: true } }),
    ]);
    const article = {
      source: versions.find((v) => v.isSource),
      versions: versions.filter((v) => !v.isSource),
      glossary: terms.map((t) => ({ lang: t.lang, canonical: t.canonical, variants: t.variants as string[] })),
    } as ArticleForChecks;
    const full = runChecks(article).get(german.id)!;
    const core = (f: Finding) => [f.checkId, f.position, f.start, f.end, f.level, f.message, f.suggestion ?? null].join("|");
    expect(findings.map(core)).toEqual(full.map(core));
  }, 60_000);

  it("fixing a garbled name re-checks what depends on names, and the finding goes", async () => {
    const german = await db.version.findFirstOrThrow({ where: { articleId, lang: "de" }, select: { id: true } });
    const segments = await db.segment.findMany({ where: { versionId: german.id, text: { contains: "Suzkwer" } } });
    expect(segments.length).toBeGreaterThan(0);
    for (const segment of segments) {
      await editSegmentText(reviewer, segment.id, { text: segment.text.replaceAll("Suzkwer", "Sutskever"), baseRevision: segment.revision });
    }
    await settled();
    const findings = await getArticleFindings(reviewer, slug, { lang: "de" });
    expect(findings.map((f) => f.quote)).not.toContain("Suzkwer");
    expect(findings.map((f) => f.quote)).toContain("Geimini");
  }, 60_000);
});
