import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createAnnotation } from "@/lib/server/annotations";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { exportVersion } from "@/lib/server/export";
import { importVersion } from "@/lib/server/import-version";
import { editSegmentText, setReviewMark } from "@/lib/server/segments";
import { approveVersion, getApprovalGate, requestChanges } from "@/lib/server/versions";
import { bytes, counts, makeActor, uniqueSlug } from "./helpers";

const SEED = fs.readFileSync(path.join(__dirname, "../../prisma/seed-data/000_fd11f6bd83abf008.txt"));
const SENTENCE = "Anschließend kündigte Suzkwer im Juni die Gründung an.";
const START = SENTENCE.indexOf("Suzkwer");
const NAME = { start: START, end: START + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major" as const };

let reviewer: Actor;
let editor: Actor;

beforeAll(async () => {
  reviewer = await makeActor("reviewer");
  editor = await makeActor("editor");
});

async function article() {
  const slug = uniqueSlug("flow");
  await importVersion(editor, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes("标题文字\n\n随后，苏茨克维宣布成立新公司。\n"), isSource: true });
  const de = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(`Titel der Meldung\n\n\n${SENTENCE}\n`) });
  const segments = await db.segment.findMany({ where: { versionId: de.versionId }, orderBy: { position: "asc" } });
  return { slug, versionId: de.versionId, segments };
}

describe("the approval gate", () => {
  it("lists open major annotations and unreviewed segments, and refuses approval without a reason (409, nothing written)", async () => {
    const { versionId, segments } = await article();
    await createAnnotation(reviewer, segments[1].id, { ...NAME, suggestion: "Sutskever" });
    await setReviewMark(reviewer, segments[0].id, { reviewed: true });

    const gate = await getApprovalGate(reviewer, versionId);
    expect(gate.passes).toBe(false);
    expect(gate.openAnnotations.map((a) => [a.position, a.severity, a.quote])).toEqual([[2, "major", "Suzkwer"]]);
    expect(gate.unreviewedSegments.map((s) => s.position)).toEqual([2]);

    const before = await counts();
    const refused = await approveVersion(editor, versionId).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).details).toMatchObject({ gate: { passes: false } });
    expect(await counts()).toEqual(before);
    expect((await db.version.findUniqueOrThrow({ where: { id: versionId } })).status).toBe("in_review");
  });

  it("approves with a written override reason, stores it and audits it", async () => {
    const { versionId, segments } = await article();
    await createAnnotation(reviewer, segments[1].id, { ...NAME, suggestion: "Sutskever" });
    const result = await approveVersion(editor, versionId, { overrideReason: "name fixed in the CMS" });
    expect(result.overridden).toBe(true);
    expect(result.version).toMatchObject({ status: "approved", overrideReason: "name fixed in the CMS", approvedBy: { email: (editor as { email: string }).email } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: versionId, action: "version.approve" } });
    expect(event.reason).toBe("name fixed in the CMS");
  });

  it("approves without a reason once every segment is reviewed and nothing major is open; minor ones do not block", async () => {
    const { versionId, segments } = await article();
    await createAnnotation(reviewer, segments[1].id, { ...NAME, severity: "minor" });
    for (const s of segments) await setReviewMark(reviewer, s.id, { reviewed: true });
    const result = await approveVersion(editor, versionId);
    expect(result).toMatchObject({ overridden: false, version: { status: "approved", overrideReason: null } });
  });

  it("a Non-translation annotation blocks even when minor", async () => {
    const { versionId, segments } = await article();
    for (const s of segments) await setReviewMark(reviewer, s.id, { reviewed: true });
    await createAnnotation(reviewer, segments[1].id, { ...NAME, category: "Non-translation", severity: "minor" });
    expect((await getApprovalGate(editor, versionId)).openAnnotations).toHaveLength(1);
  });

  it("a reviewer cannot approve or request changes", async () => {
    const { versionId } = await article();
    await expect(approveVersion(reviewer, versionId, { overrideReason: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestChanges(reviewer, versionId, { message: "x" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("request changes needs a message, withdraws the approval, and a text change reopens an approved version", async () => {
    const { versionId, segments } = await article();
    await expect(requestChanges(editor, versionId, { message: "  " })).rejects.toBeInstanceOf(ValidationError);
    const changed = await requestChanges(editor, versionId, { message: "Fix the names" });
    expect(changed).toMatchObject({ status: "changes_requested", statusMessage: "Fix the names" });

    await approveVersion(editor, versionId, { overrideReason: "deadline" });
    await editSegmentText(reviewer, segments[1].id, { text: SENTENCE.replace("Suzkwer", "Sutskever"), baseRevision: 1 });
    const version = await db.version.findUniqueOrThrow({ where: { id: versionId } });
    expect(version).toMatchObject({ status: "in_review", approvedById: null, overrideReason: null });
    const reopen = await db.auditEvent.findFirstOrThrow({ where: { entityId: versionId, action: "version.reopen" } });
    expect(reopen.reason).toMatch(/text changed \(edit\) at position 2/);
  });
});

describe("export", () => {
  it("an untouched version exports exactly the imported file, the seed byte for byte", async () => {
    const slug = uniqueSlug("seed");
    await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: SEED, isSource: true });
    const file = await exportVersion(reviewer, { slug, lang: "de", format: "txt" });
    expect(Buffer.from(file.body, "utf8").equals(SEED)).toBe(true);
    expect(file).toMatchObject({ mediaType: expect.stringMatching(/^text\/plain/), fileName: `${slug}.de.txt` });
  });

  it("a corrected version exports the correction, keeping the file's layout", async () => {
    const { slug, segments } = await article();
    await createAnnotation(reviewer, segments[1].id, { ...NAME, suggestion: "Sutskever", apply: true });
    const file = await exportVersion(reviewer, { slug, lang: "de", format: "txt" });
    expect(file.body).toBe(`Titel der Meldung\n\n\n${SENTENCE.replace("Suzkwer", "Sutskever")}\n`);
  });

  it("approvedOnly refuses an unapproved version with 409 and exports once approved", async () => {
    const { slug, versionId } = await article();
    const refused = await exportVersion(reviewer, { slug, lang: "de", format: "txt", approvedOnly: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/not approved/);
    await approveVersion(editor, versionId, { overrideReason: "test" });
    await expect(exportVersion(reviewer, { slug, lang: "de", format: "txt", approvedOnly: true })).resolves.toMatchObject({ body: expect.stringContaining("Suzkwer") });
  });

  it("every format exports; unknown formats, versions and articles are precise errors", async () => {
    const { slug, versionId } = await article();
    for (const format of ["txt", "md", "html", "json", "xliff", "xliff12", "tmx", "mqm-tsv"]) {
      const file = await exportVersion(reviewer, { slug, versionId, format });
      expect(file.body.length, format).toBeGreaterThan(0);
    }
    await expect(exportVersion(reviewer, { slug, lang: "de", format: "docx" })).rejects.toMatchObject({ code: "unsupported_format" });
    await expect(exportVersion(reviewer, { slug, lang: "fr", format: "txt" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportVersion(reviewer, { slug: "no-such-article", lang: "de", format: "txt" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportVersion(null, { slug, lang: "de", format: "txt" })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("XLIFF import", () => {
  it("export → import → export gives the identical file, annotations included, for both XLIFF versions", async () => {
    const { slug, segments } = await article();
    await createAnnotation(reviewer, segments[1].id, { ...NAME, suggestion: "Sutskever", note: "garbled <name> & more", apply: true });
    await createAnnotation(reviewer, segments[0].id, { start: 0, end: 5, quote: "Titel", category: "Fluency/Grammar", severity: "minor" });
    for (const format of ["xliff", "xliff12"] as const) {
      const first = await exportVersion(reviewer, { slug, lang: "de", format });
      const copy = uniqueSlug("xlf");
      const imported = await importVersion(editor, { slug: copy, lang: "de", fileName: "de.xlf", bytes: bytes(first.body) });
      expect(imported).toMatchObject({ articleCreated: true, segmentCount: 2, annotationCount: 2 });
      const again = await exportVersion(reviewer, { slug: copy, lang: "de", format });
      expect(again.body.replaceAll(copy, slug)).toBe(first.body);
    }
  });

  it("imports the target text of an XLIFF into an existing article", async () => {
    const { slug } = await article();
    const xliff = (await exportVersion(reviewer, { slug, lang: "de", format: "xliff" })).body.replace("Titel der Meldung", "Überschrift");
    const result = await importVersion(editor, { slug, lang: "de", label: "vendor", fileName: "back.xliff", bytes: bytes(xliff) });
    expect(result.articleCreated).toBe(false);
    const texts = await db.segment.findMany({ where: { versionId: result.versionId }, orderBy: { position: "asc" }, select: { text: true } });
    expect(texts[0].text).toBe("Überschrift");
  });

  it("refuses a billion-laughs file and an external entity with a clear error, writing nothing", async () => {
    const { slug } = await article();
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<xliff version="1.2"><file source-language="zh" target-language="de" datatype="plaintext" original="x"><body><trans-unit id="1"><source>a</source><target>&lol2;</target></trans-unit></body></file></xliff>`;
    const external = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file source-language="zh" target-language="de" datatype="plaintext" original="x"><body><trans-unit id="1"><source>a</source><target>&xxe;</target></trans-unit></body></file></xliff>`;
    for (const attack of [laughs, external]) {
      const before = await counts();
      const error = await importVersion(editor, { slug, lang: "de", label: "attack", fileName: "attack.xlf", bytes: bytes(attack) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(/attack\.xlf.*DOCTYPE|DOCTYPE.*attack\.xlf/i);
      expect(await counts()).toEqual(before);
    }
  });
});
