import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR, type Actor } from "@/lib/server/actor";
import { annotateFinding, dismissFinding, getArticleFindings, getNamesMatrix } from "@/lib/server/checks";
import { db } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { importVersion } from "@/lib/server/import-version";
import { editSegmentText } from "@/lib/server/segments";
import { getApprovalGate } from "@/lib/server/versions";
import { getWorkspace } from "@/lib/server/workspace";
import { makeActor, uniqueSlug } from "./helpers";

const SEED = path.join(__dirname, "../../prisma/seed-data");
const read = (file: string) => fs.readFileSync(path.join(SEED, file));

let reviewer: Actor;
let slug: string;
let germanId: string;

/** The demo article without its glossary: the checks must find the garbles from the other versions alone. */
beforeAll(async () => {
  reviewer = await makeActor("reviewer");
  slug = uniqueSlug("checks");
  await importVersion(CLI_ACTOR, { slug, lang: "zh", fileName: "zh.txt", bytes: read("zh.txt"), isSource: true });
  germanId = (await importVersion(CLI_ACTOR, { slug, lang: "de", fileName: "de.txt", label: "published MT", bytes: read("000_fd11f6bd83abf008.txt") })).versionId;
  for (const lang of ["en", "fr", "es", "ru", "ja"]) {
    await importVersion(CLI_ACTOR, { slug, lang, fileName: `${lang}.txt`, label: "demo", bytes: read(`${lang}.txt`) });
  }
}, 60_000);

describe("the checks on the demo article", () => {
  it("find the German garbles with the right suggestions", async () => {
    const findings = await getArticleFindings(reviewer, slug, { lang: "de" });
    const pairs = findings.filter((f) => f.suggestion).map((f) => `${f.quote} → ${f.suggestion}`);
    expect(pairs).toEqual(expect.arrayContaining(["Suzkwer → Sutskever", "Lake → Leike", "Geimini → Gemini", "OpenAl → OpenAI"]));
    expect(findings.every((f) => f.versionId === germanId && f.lang === "de")).toBe(true);
    const suzkwer = findings.find((f) => f.quote === "Suzkwer")!;
    const segment = await db.segment.findUniqueOrThrow({ where: { id: suzkwer.segmentId! } });
    expect(segment.text.slice(suzkwer.start, suzkwer.end)).toBe("Suzkwer");
    expect(suzkwer.revision).toBe(segment.revision);
  });

  it("the approval gate lists the unresolved error-level findings", async () => {
    const gate = await getApprovalGate(reviewer, germanId);
    expect(gate.passes).toBe(false);
    expect(gate.errorFindings.map((f) => f.quote)).toEqual(expect.arrayContaining(["Suzkwer", "Geimini"]));
  });

  it("a dismissed finding stays away for that text; dismissing twice is a conflict; a reason is required", async () => {
    const before = await getArticleFindings(reviewer, slug, { lang: "de" });
    const geimini = before.find((f) => f.quote === "Geimini")!;
    const key = { versionId: geimini.versionId, checkId: geimini.checkId, position: geimini.position, quote: geimini.quote };
    await expect(dismissFinding(reviewer, { ...key, reason: " " })).rejects.toBeInstanceOf(ValidationError);
    await dismissFinding(reviewer, { ...key, reason: "the product really is called Geimini here" });
    const after = await getArticleFindings(reviewer, slug, { lang: "de" });
    expect(after.some((f) => f.checkId === geimini.checkId && f.quote === "Geimini" && f.position === geimini.position)).toBe(false);
    expect(after.length).toBe(before.length - 1);
    await expect(dismissFinding(reviewer, { ...key, reason: "again" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("the names matrix marks the German variants as outliers", async () => {
    const rows = await getNamesMatrix(reviewer, slug);
    const sutskever = rows.find((r) => r.name === "Sutskever")!;
    expect(sutskever.cells[germanId].forms).toEqual(expect.arrayContaining([expect.objectContaining({ form: "Suzkwer", outlier: true })]));
    const english = (await db.version.findFirstOrThrow({ where: { article: { slug }, lang: "en" } })).id;
    // English writes the name right in one paragraph and has the planted "Sutskewer" in the next.
    expect(sutskever.cells[english].forms).toEqual(
      expect.arrayContaining([expect.objectContaining({ form: "Sutskever", outlier: false }), expect.objectContaining({ form: "Sutskewer", outlier: true })]),
    );
  });

  it("turns a finding into an applied annotation, after which it no longer blocks approval", async () => {
    const findings = await getArticleFindings(reviewer, slug, { lang: "de" });
    const suzkwer = findings.find((f) => f.quote === "Suzkwer" && f.checkId === "names")!;
    const result = await annotateFinding(reviewer, suzkwer.segmentId!, {
      start: suzkwer.start,
      end: suzkwer.end,
      baseRevision: suzkwer.revision!,
      category: suzkwer.mqmCategory,
      severity: "major",
      suggestion: suzkwer.suggestion,
      apply: true,
    });
    expect(result.annotation).toMatchObject({ status: "applied", quote: "Suzkwer", suggestion: "Sutskever" });
    expect(result.segment.text).toContain("Sutskever");
    const again = await getArticleFindings(reviewer, slug, { lang: "de" });
    expect(again.some((f) => f.segmentId === suzkwer.segmentId && f.quote === "Suzkwer" && f.start === suzkwer.start)).toBe(false);
    // A stale revision is refused.
    await expect(
      annotateFinding(reviewer, suzkwer.segmentId!, { start: 0, end: 3, baseRevision: 1, category: "Fluency/Grammar", severity: "minor" }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("recomputes after an edit: a fixed name disappears from the findings", async () => {
    const findings = await getArticleFindings(reviewer, slug, { lang: "de" });
    const lake = findings.find((f) => f.quote === "Lake")!;
    const segment = await db.segment.findUniqueOrThrow({ where: { id: lake.segmentId! } });
    await editSegmentText(reviewer, segment.id, { text: segment.text.replaceAll("Lake", "Leike"), baseRevision: segment.revision });
    const after = await getArticleFindings(reviewer, slug, { lang: "de" });
    expect(after.some((f) => f.segmentId === segment.id && f.quote === "Lake")).toBe(false);
  });

  it("the grid does not wait for a recomputation after an edit, and never shows a stale finding on the edited cell", async () => {
    const before = await getWorkspace(reviewer, slug);
    const cellWithFinding = Object.values(before.cells[germanId]).find((cell) => cell.findings.some((f) => f.quote === "ScalingLaws"))!;
    expect(cellWithFinding).toBeDefined();
    await editSegmentText(reviewer, cellWithFinding.id, { text: cellWithFinding.text.replace("ScalingLaws", "Scaling Laws"), baseRevision: cellWithFinding.revision });
    const after = await getWorkspace(reviewer, slug);
    expect(after.cells[germanId][cellWithFinding.position].findings.some((f) => f.quote === "ScalingLaws")).toBe(false);
    expect(Object.values(after.cells[germanId]).some((cell) => cell.findings.length > 0)).toBe(true);
  });

  it("verso check prints the same findings as JSON, with versionId, lang and quote", () => {
    const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/verso.ts", "check", "--article", slug, "--lang", "de", "--format", "json"], {
      env: process.env,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    const findings = JSON.parse(result.stdout) as { versionId: string; lang: string; quote: string; checkId: string; level: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toEqual(expect.objectContaining({ versionId: germanId, lang: "de", checkId: expect.any(String), level: expect.stringMatching(/error|warning/) }));
    expect(findings.some((f) => f.quote === "OpenAl")).toBe(true);
  }, 60_000);
});
