import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { applyAnnotation, createAnnotation, rejectAnnotation } from "@/lib/server/annotations";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/server/errors";
import { importVersion } from "@/lib/server/import-version";
import { editSegmentText, listRevisions, restoreRevision, setReviewMark } from "@/lib/server/segments";
import { bytes, counts, makeActor, uniqueSlug } from "./helpers";

const SENTENCE = "Anschließend kündigte Suzkwer im Juni die Gründung an.";
const START = SENTENCE.indexOf("Suzkwer");
const NAME = { start: START, end: START + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major" as const };

let reviewer: Actor;
let editor: Actor;

beforeAll(async () => {
  reviewer = await makeActor("reviewer");
  editor = await makeActor("editor");
});

/** A fresh article whose German translation's segment 2 is SENTENCE. */
async function germanSegment() {
  const slug = uniqueSlug("corr");
  await importVersion(editor, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes("标题文字\n\n随后，苏茨克维宣布成立新公司。"), isSource: true });
  const de = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(`Titel der Meldung\n\n${SENTENCE}`) });
  const segment = await db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId: de.versionId, position: 2 } } });
  const source = await db.segment.findFirstOrThrow({ where: { articleId: segment.articleId, position: 2, version: { isSource: true } } });
  return { segment, source, versionId: de.versionId };
}

describe("annotate, apply and reject", () => {
  it("save and apply writes the suggestion as revision 2 in one transaction", async () => {
    const { segment } = await germanSegment();
    const result = await createAnnotation(reviewer, segment.id, { ...NAME, suggestion: "Sutskever", note: "garbled name", apply: true });
    expect(result.annotation).toMatchObject({ status: "applied", quote: "Suzkwer", suggestion: "Sutskever", note: "garbled name" });
    expect(result.segment).toMatchObject({ text: SENTENCE.replace("Suzkwer", "Sutskever"), originalText: SENTENCE, revision: 2 });
    const history = await listRevisions(reviewer, segment.id);
    expect(history.revisions.map((r) => [r.number, r.cause])).toEqual([[2, "apply"], [1, "import"]]);
  });

  it("an editor's reject reverts exactly that replacement", async () => {
    const { segment } = await germanSegment();
    const { annotation } = await createAnnotation(reviewer, segment.id, { ...NAME, suggestion: "Sutskever", apply: true });
    const rejected = await rejectAnnotation(editor, annotation.id);
    expect(rejected.annotation.status).toBe("rejected");
    expect(rejected.segment).toMatchObject({ text: SENTENCE, revision: 3 });
  });

  it("reject keeps an unrelated later edit and maps the position with a diff", async () => {
    const { segment } = await germanSegment();
    const { annotation, segment: applied } = await createAnnotation(reviewer, segment.id, { ...NAME, suggestion: "Sutskever", apply: true });
    const edited = applied.text.replace("Anschließend", "Danach");
    await editSegmentText(reviewer, segment.id, { text: edited, baseRevision: applied.revision });
    const rejected = await rejectAnnotation(editor, annotation.id);
    expect(rejected.segment.text).toBe("Danach kündigte Suzkwer im Juni die Gründung an.");
  });

  it("reject refuses with a conflict and changes nothing when a later edit touched the correction", async () => {
    const { segment } = await germanSegment();
    const { annotation, segment: applied } = await createAnnotation(reviewer, segment.id, { ...NAME, suggestion: "Sutskever", apply: true });
    await editSegmentText(reviewer, segment.id, { text: applied.text.replace("Sutskever", "Ilja Sutskewer"), baseRevision: applied.revision });
    const before = await counts();
    await expect(rejectAnnotation(editor, annotation.id)).rejects.toThrow(ConflictError);
    await expect(rejectAnnotation(editor, annotation.id)).rejects.toThrow(/cannot be reverted automatically/);
    expect(await counts()).toEqual(before);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).status).toBe("applied");
  });

  it("a reviewer may not reject", async () => {
    const { segment } = await germanSegment();
    const { annotation } = await createAnnotation(reviewer, segment.id, { ...NAME, suggestion: "Sutskever", apply: true });
    await expect(rejectAnnotation(reviewer, annotation.id)).rejects.toThrow(ForbiddenError);
  });

  it("applying later maps the original span onto the edited text", async () => {
    const { segment } = await germanSegment();
    const { annotation } = await createAnnotation(reviewer, segment.id, { ...NAME, suggestion: "Sutskever" });
    await editSegmentText(reviewer, segment.id, { text: `Wie berichtet: ${SENTENCE}`, baseRevision: 1 });
    const applied = await applyAnnotation(reviewer, annotation.id);
    expect(applied.segment.text).toBe(`Wie berichtet: ${SENTENCE.replace("Suzkwer", "Sutskever")}`);
  });

  it("rejects a wrong quote, a span past the segment, and an unknown category, writing nothing", async () => {
    const { segment } = await germanSegment();
    const before = await counts();
    const annotationsBefore = await db.annotation.count();
    await expect(createAnnotation(reviewer, segment.id, { ...NAME, quote: "Sutskever" })).rejects.toThrow(/quote: the quote does not match/);
    await expect(createAnnotation(reviewer, segment.id, { ...NAME, end: SENTENCE.length + 4, quote: SENTENCE.slice(START) + "next" })).rejects.toThrow(
      /outside the segment/,
    );
    await expect(createAnnotation(reviewer, segment.id, { ...NAME, category: "Accuracy/Garble" })).rejects.toThrow(ValidationError);
    expect(await counts()).toEqual(before);
    expect(await db.annotation.count()).toBe(annotationsBefore);
  });

  it("marks omissions on the source segment only, naming the version that omits", async () => {
    const { segment, source, versionId } = await germanSegment();
    const quote = "苏茨克维";
    const start = source.originalText.indexOf(quote);
    const omission = { start, end: start + quote.length, quote, category: "Accuracy/Omission", severity: "minor" as const, targetVersionId: versionId };
    const { annotation } = await createAnnotation(reviewer, source.id, omission);
    expect(annotation).toMatchObject({ category: "Accuracy/Omission", targetVersionId: versionId, status: "open" });
    await expect(createAnnotation(reviewer, segment.id, { ...NAME, category: "Accuracy/Omission" })).rejects.toThrow(/marked on the source/);
  });
});

describe("direct edits", () => {
  it("a stale base revision is a conflict carrying the current text, and nothing is overwritten", async () => {
    const { segment } = await germanSegment();
    await editSegmentText(reviewer, segment.id, { text: "Erste Fassung.", baseRevision: 1 });
    const stale = editSegmentText(editor, segment.id, { text: "Zweite Fassung.", baseRevision: 1 });
    await expect(stale).rejects.toMatchObject({ code: "conflict", details: { current: { text: "Erste Fassung.", revision: 2 } } });
    expect((await db.segment.findUniqueOrThrow({ where: { id: segment.id } })).text).toBe("Erste Fassung.");
  });

  it("concurrent edits from the same base: exactly one wins, the other gets a conflict", async () => {
    const { segment } = await germanSegment();
    const results = await Promise.allSettled(
      ["A.", "B.", "C.", "D."].map((text) => editSegmentText(reviewer, segment.id, { text, baseRevision: 1 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
    expect(await db.revision.count({ where: { segmentId: segment.id } })).toBe(2);
  });

  it("restore makes an old text current as a new revision", async () => {
    const { segment } = await germanSegment();
    await editSegmentText(reviewer, segment.id, { text: "Kaputt.", baseRevision: 1 });
    const restored = await restoreRevision(reviewer, segment.id, { number: 1, baseRevision: 2 });
    expect(restored).toMatchObject({ text: SENTENCE, revision: 3 });
    expect((await listRevisions(reviewer, segment.id)).revisions[0]).toMatchObject({ number: 3, cause: "restore" });
  });

  it("a change to an approved version sends it back to review, and the audit log says why", async () => {
    const { segment, versionId } = await germanSegment();
    await db.version.update({ where: { id: versionId }, data: { status: "approved" } });
    await editSegmentText(reviewer, segment.id, { text: "Geändert.", baseRevision: 1 });
    expect((await db.version.findUniqueOrThrow({ where: { id: versionId } })).status).toBe("in_review");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: versionId, action: "version.reopen" } });
    expect(event.reason).toMatch(/text changed \(edit\) at position 2/);
  });
});

describe("review marks", () => {
  it("records one mark per user and segment, and can withdraw it", async () => {
    const { segment } = await germanSegment();
    await setReviewMark(reviewer, segment.id);
    await setReviewMark(reviewer, segment.id);
    expect(await db.reviewMark.count({ where: { segmentId: segment.id } })).toBe(1);
    await setReviewMark(editor, segment.id);
    expect(await db.reviewMark.count({ where: { segmentId: segment.id } })).toBe(2);
    await setReviewMark(reviewer, segment.id, { reviewed: false });
    expect(await db.reviewMark.count({ where: { segmentId: segment.id } })).toBe(1);
  });
});
