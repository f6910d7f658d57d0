import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createAnnotation, rejectAnnotation } from "@/lib/server/annotations";
import { db } from "@/lib/server/db";
import { ConflictError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { fixEverywhere, listFixOccurrences, type FoundOccurrence } from "@/lib/server/fix-everywhere";
import { importVersion } from "@/lib/server/import-version";
import { editSegmentText } from "@/lib/server/segments";
import { approveVersion } from "@/lib/server/versions";
import { counts, bytes, makeActor, uniqueSlug } from "./helpers";

const ZH = "伊利亚·苏茨克维离职\n\n随后，苏茨克维宣布成立新公司。\n\n苏茨克维和莱克都曾在OpenAI工作。";
const DE = "Ilya Suzkwer geht\n\nAnschließend kündigte Suzkwer im Juni die Gründung an.\n\nSuzkwer und Lake arbeiteten beide bei OpenAI; Suzkwer blieb am Lake Tahoe.";
const EN = "Ilya Suzkwer leaves\n\nThen Suzkwer announced a new company.\n\nSuzkwer and Lakes both worked at OpenAI.";

let reviewer: Actor;
let editor: Actor;

beforeAll(async () => {
  reviewer = await makeActor("reviewer");
  editor = await makeActor("editor");
});

async function article() {
  const slug = uniqueSlug("fix");
  await importVersion(editor, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes(ZH), isSource: true });
  const de = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(DE) });
  const en = await importVersion(editor, { slug, lang: "en", fileName: "en.txt", bytes: bytes(EN) });
  return { slug, de: de.versionId, en: en.versionId };
}

const segmentAt = (versionId: string, position: number) => db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId, position } } });
const tick = (o: FoundOccurrence) => ({ segmentId: o.segmentId, start: o.start, end: o.end, baseRevision: o.revision });

describe("fix everywhere: listing", () => {
  it("lists whole-word occurrences across the translations of the article, with context, never in the source", async () => {
    const { slug } = await article();
    const { occurrences, truncated } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer" });
    expect(truncated).toBe(false);
    expect(occurrences.map((o) => [o.lang, o.position])).toEqual([
      ["de", 1],
      ["de", 2],
      ["de", 3],
      ["de", 3],
      ["en", 1],
      ["en", 2],
      ["en", 3],
    ]);
    const second = occurrences[1];
    expect(second).toMatchObject({ articleSlug: slug, label: expect.any(String), revision: 1, context: { before: "Anschließend kündigte ", match: "Suzkwer", after: " im Juni die Gründung an." } });
    expect(second.context.before.length).toBe(second.start);

    const lake = await listFixOccurrences(reviewer, { article: slug, from: "Lake" });
    // "Lake" the person and "am Lake Tahoe" both match; the context lets a person tell them apart.
    expect(lake.occurrences.map((o) => [o.context.before.slice(-3), o.context.after.slice(0, 11), o.context.truncatedAfter])).toEqual([
      ["nd ", " arbeiteten", true],
      ["am ", " Tahoe.", false],
    ]);
  });

  it("optionally searches all articles, the current one first", async () => {
    const first = await article();
    const second = await article();
    const here = await listFixOccurrences(reviewer, { article: second.slug, from: "Suzkwer" });
    expect(new Set(here.occurrences.map((o) => o.articleSlug))).toEqual(new Set([second.slug]));
    const everywhere = await listFixOccurrences(reviewer, { article: second.slug, from: "Suzkwer", allArticles: "1" });
    expect(everywhere.occurrences[0].articleSlug).toBe(second.slug);
    expect(everywhere.occurrences.some((o) => o.articleSlug === first.slug)).toBe(true);
  });

  it("marks the span of the open annotation the search starts from", async () => {
    const { slug, de } = await article();
    const segment = await segmentAt(de, 2);
    const start = segment.text.indexOf("Suzkwer");
    const { annotation } = await createAnnotation(reviewer, segment.id, { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever" });
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer", annotation: annotation.id });
    expect(occurrences.filter((o) => o.sourceAnnotation).map((o) => [o.segmentId, o.start])).toEqual([[segment.id, start]]);
  });
});

describe("fix everywhere: applying", () => {
  it("changes only the ticked occurrences: one annotation and one revision each, two in one segment", async () => {
    const { slug, de, en } = await article();
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer" });
    const deThree = occurrences.filter((o) => o.lang === "de" && o.position === 3);
    const enTwo = occurrences.find((o) => o.lang === "en" && o.position === 2)!;
    const ticked = [...deThree, enTwo];
    const before = await counts();

    const result = await fixEverywhere(reviewer, { from: "Suzkwer", to: "Sutskever", occurrences: ticked.map(tick) });

    expect(result.applied).toHaveLength(3);
    expect((await segmentAt(de, 3)).text).toBe("Sutskever und Lake arbeiteten beide bei OpenAI; Sutskever blieb am Lake Tahoe.");
    expect((await segmentAt(de, 3)).revision).toBe(3);
    expect((await segmentAt(en, 2)).text).toBe("Then Sutskever announced a new company.");
    expect((await segmentAt(de, 2)).text).toContain("kündigte Suzkwer");
    expect((await segmentAt(en, 3)).text).toBe("Suzkwer and Lakes both worked at OpenAI.");
    expect((await counts()).revisions - before.revisions).toBe(3);

    const revisions = await db.revision.findMany({ where: { segmentId: deThree[0].segmentId }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.cause, r.baseRevision])).toEqual([
      [1, "import", null],
      [2, "fix-everywhere", 1],
      [3, "fix-everywhere", 2],
    ]);
    // The right-hand one was replaced first, so it builds on the import.
    expect(revisions[1].text).toBe("Suzkwer und Lake arbeiteten beide bei OpenAI; Sutskever blieb am Lake Tahoe.");

    const annotations = await db.annotation.findMany({ where: { id: { in: result.applied.map((a) => a.annotationId) } } });
    expect(annotations).toHaveLength(3);
    for (const a of annotations) {
      expect(a).toMatchObject({ status: "applied", quote: "Suzkwer", suggestion: "Sutskever", category: "Accuracy/Mistranslation/Entity", severity: "major", origin: "human", authorId: reviewer.kind === "user" ? reviewer.id : null });
      const segment = await db.segment.findUniqueOrThrow({ where: { id: a.segmentId } });
      expect(segment.originalText.slice(a.start, a.end)).toBe("Suzkwer");
      const own = await db.revision.findMany({ where: { annotationId: a.id } });
      expect(own.map((r) => [r.cause, r.number])).toEqual([["fix-everywhere", a.appliedRevision]]);
    }
    const { id: articleId } = await db.article.findUniqueOrThrow({ where: { slug } });
    const audit = await db.auditEvent.findMany({ where: { action: "fix-everywhere", articleId } });
    expect(audit.map((e) => e.after)).toEqual([{ from: "Suzkwer", to: "Sutskever", occurrences: 3, annotationIds: result.applied.map((a) => a.annotationId), sourceAnnotationId: null }]);
  });

  it("rejecting one of the created annotations reverts just that occurrence", async () => {
    const { slug, de } = await article();
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer" });
    const deThree = occurrences.filter((o) => o.lang === "de" && o.position === 3);
    const result = await fixEverywhere(reviewer, { from: "Suzkwer", to: "Sutskever", occurrences: deThree.map(tick), note: "the name is Sutskever" });
    const left = result.applied.find((a) => a.start === 0)!;
    const right = result.applied.find((a) => a.start !== 0)!;

    await rejectAnnotation(editor, right.annotationId);
    expect((await segmentAt(de, 3)).text).toBe("Sutskever und Lake arbeiteten beide bei OpenAI; Suzkwer blieb am Lake Tahoe.");
    await rejectAnnotation(editor, left.annotationId);
    expect((await segmentAt(de, 3)).text).toBe(DE.split("\n\n")[2]);
  });

  it("refuses a stale base revision with 409 naming the segment, and writes nothing", async () => {
    const { slug, de } = await article();
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer" });
    const target = await segmentAt(de, 2);
    await editSegmentText(reviewer, target.id, { text: `${target.text} Mehr dazu später.`, baseRevision: 1 });
    const before = await counts();
    const annotationsBefore = await db.annotation.count();

    const attempt = fixEverywhere(reviewer, { from: "Suzkwer", to: "Sutskever", occurrences: occurrences.map(tick) });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(new RegExp(`segment ${target.id} \\(${slug}, de · .*, position 2\\) changed`));
    const error = (await attempt.then(() => null, (e: unknown) => e)) as ConflictError;
    expect(error.details?.conflicts).toMatchObject([{ segmentId: target.id, reason: "revision", baseRevision: 1, current: { revision: 2 } }]);
    expect(await counts()).toEqual(before);
    expect(await db.annotation.count()).toBe(annotationsBefore);
    expect((await segmentAt(de, 1)).text).toBe("Ilya Suzkwer geht");
  });

  it("refuses offsets that no longer cover the wrong form with 409", async () => {
    const { slug } = await article();
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer" });
    const moved = { ...tick(occurrences[1]), start: occurrences[1].start + 1, end: occurrences[1].end + 1 };
    const before = await counts();
    await expect(fixEverywhere(reviewer, { from: "Suzkwer", to: "Sutskever", occurrences: [tick(occurrences[0]), moved] })).rejects.toThrow(/no longer has "Suzkwer" at offset/);
    expect(await counts()).toEqual(before);
  });

  it("refuses part of a longer word, the source, and a correction equal to the wrong form", async () => {
    const { slug, en } = await article();
    const lakes = await segmentAt(en, 3);
    const at = lakes.text.indexOf("Lakes");
    await expect(fixEverywhere(reviewer, { from: "Lake", to: "Lak", occurrences: [{ segmentId: lakes.id, start: at, end: at + 4, baseRevision: 1 }] })).rejects.toThrow(ValidationError);
    const source = await db.segment.findFirstOrThrow({ where: { article: { slug }, version: { isSource: true }, position: 2 } });
    await expect(fixEverywhere(reviewer, { from: "苏茨克维", to: "苏茨克弗", occurrences: [{ segmentId: source.id, start: 3, end: 7, baseRevision: 1 }] })).rejects.toThrow(/source/);
    await expect(fixEverywhere(reviewer, { from: "Lake", to: "Lake", occurrences: [{ segmentId: lakes.id, start: 0, end: 4, baseRevision: 1 }] })).rejects.toThrow(/same as the wrong form/);
  });

  it("reopens an approved version and the audit log says why", async () => {
    const { slug, de } = await article();
    await approveVersion(editor, de, { overrideReason: "test" });
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer" });
    await fixEverywhere(reviewer, { from: "Suzkwer", to: "Sutskever", occurrences: [tick(occurrences.find((o) => o.lang === "de")!)] });
    const version = await db.version.findUniqueOrThrow({ where: { id: de } });
    expect(version.status).toBe("in_review");
    const reopen = await db.auditEvent.findFirstOrThrow({ where: { action: "version.reopen", entityId: de } });
    expect(reopen.reason).toMatch(/fix-everywhere/);
  });

  it("applies the open annotation it started from instead of duplicating it", async () => {
    const { slug, de } = await article();
    const segment = await segmentAt(de, 2);
    const start = segment.text.indexOf("Suzkwer");
    const { annotation } = await createAnnotation(reviewer, segment.id, { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever" });
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer", annotation: annotation.id });
    const ticked = occurrences.filter((o) => o.lang === "de" && o.position <= 2);
    const result = await fixEverywhere(reviewer, { from: "Suzkwer", to: "Sutskever", occurrences: ticked.map(tick), sourceAnnotationId: annotation.id });
    expect(result.applied.map((a) => a.created).sort()).toEqual([false, true]);
    expect(await db.annotation.count({ where: { segmentId: segment.id } })).toBe(1);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).toMatchObject({ status: "applied", appliedRevision: 2 });
    await rejectAnnotation(editor, annotation.id);
    expect((await segmentAt(de, 2)).text).toBe(segment.text);
  });

  it("anchors a form an edit typed in, and reject still restores it", async () => {
    const { slug, en } = await article();
    const segment = await segmentAt(en, 2);
    await editSegmentText(reviewer, segment.id, { text: "Then Ilya Suzkwer announced a new company.", baseRevision: 1 });
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Ilya Suzkwer" });
    const typed = occurrences.find((o) => o.segmentId === segment.id)!;
    const result = await fixEverywhere(reviewer, { from: "Ilya Suzkwer", to: "Ilya Sutskever", occurrences: [tick(typed)] });
    const annotation = await db.annotation.findUniqueOrThrow({ where: { id: result.applied[0].annotationId } });
    expect(annotation.end).toBe(annotation.start);
    await rejectAnnotation(editor, annotation.id);
    expect((await segmentAt(en, 2)).text).toBe("Then Ilya Suzkwer announced a new company.");
  });

  it("needs a signed-in actor for listing and applying", async () => {
    const { slug } = await article();
    const { occurrences } = await listFixOccurrences(reviewer, { article: slug, from: "Suzkwer" });
    await expect(fixEverywhere(null, { from: "Suzkwer", to: "Sutskever", occurrences: [tick(occurrences[0])] })).rejects.toThrow(UnauthenticatedError);
    await expect(listFixOccurrences(null, { article: slug, from: "Suzkwer" })).rejects.toThrow(UnauthenticatedError);
  });
});
