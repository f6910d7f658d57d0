import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { importVersion, UnsupportedFormatError } from "@/lib/server/import-version";
import { bytes, counts, makeActor, uniqueSlug } from "./helpers";

const SOURCE = "标题：OpenAI面临多重挑战\n\n第一段。\n\n第二段。";
const GERMAN = "OpenAI steht vor Herausforderungen\n\nErster Absatz.\n\nZweiter Absatz mit Suzkwer.";

let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  editor = await makeActor("editor");
  reviewer = await makeActor("reviewer");
});

async function importSource(slug: string) {
  return importVersion(editor, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes(SOURCE), isSource: true, title: "Test" });
}

describe("importVersion", () => {
  it("creates the article from a source import, with segments, revision 1 and an audit event", async () => {
    const slug = uniqueSlug("create");
    const result = await importVersion(editor, { slug, lang: "de", fileName: "de.md", bytes: bytes("# Titel aus Markdown\n\nAbsatz."), isSource: true });
    expect(result).toMatchObject({ articleCreated: true, replaced: false, segmentCount: 2, warnings: [] });

    const article = await db.article.findUniqueOrThrow({ where: { slug }, include: { versions: true } });
    expect(article.title).toBe("Titel aus Markdown");
    expect(article.sourceLang).toBe("de");
    expect(article.versions).toMatchObject([{ lang: "de", label: "source", isSource: true, status: "in_review" }]);

    const segments = await db.segment.findMany({ where: { versionId: result.versionId }, orderBy: { position: "asc" }, include: { revisions: true } });
    expect(segments.map((s) => [s.position, s.kind, s.originalText, s.text, s.revision])).toEqual([
      [1, "title", "Titel aus Markdown", "Titel aus Markdown", 1],
      [2, "paragraph", "Absatz.", "Absatz.", 1],
    ]);
    expect(segments.every((s) => s.revisions.length === 1)).toBe(true);
    expect(segments[1].revisions[0]).toMatchObject({ number: 1, cause: "import", text: "Absatz.", authorId: editor.kind === "user" ? editor.id : null });

    const audit = await db.auditEvent.findMany({ where: { articleId: article.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["article.create", "version.import"]);
    expect(audit[1].actorLabel).toBe(editor.kind === "user" ? editor.email : "");
  });

  it("imports a translation into an existing article and warns when the segment counts differ", async () => {
    const slug = uniqueSlug("translate");
    await importSource(slug);
    const result = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(GERMAN + "\n\nEin Absatz zu viel."), label: "published MT" });
    expect(result.articleCreated).toBe(false);
    expect(result.segmentCount).toBe(4);
    expect(result.warnings).toEqual(['zh "source" has 3 segments, this version 4']);
  });

  it("keeps only the visible words of an HTML file with <script> and onerror=", async () => {
    const slug = uniqueSlug("html");
    await importSource(slug);
    const html = '<h1>Titel</h1><p>Sichtbare <img src=x onerror="alert(1)">Wörter<script>alert(2)</script>.</p><p>Zweiter.</p>';
    const result = await importVersion(editor, { slug, lang: "de", fileName: "page.html", bytes: bytes(html) });
    const texts = await db.segment.findMany({ where: { versionId: result.versionId }, orderBy: { position: "asc" }, select: { text: true, originalText: true } });
    expect(texts.map((t) => t.text)).toEqual(["Titel", "Sichtbare Wörter.", "Zweiter."]);
    expect(JSON.stringify(texts)).not.toMatch(/alert|onerror|<|script/);
  });

  describe("refuses bad input precisely and writes nothing", () => {
    async function expectNothingWritten(run: () => Promise<unknown>, error: new (...args: never[]) => Error, message: RegExp) {
      const before = await counts();
      await expect(run()).rejects.toThrow(error);
      await expect(run()).rejects.toThrow(message);
      expect(await counts()).toEqual(before);
    }

    it("an empty file", async () => {
      await expectNothingWritten(
        () => importVersion(editor, { slug: uniqueSlug("empty"), lang: "de", fileName: "empty.txt", bytes: bytes(""), isSource: true }),
        ValidationError,
        /empty\.txt: the file is empty/,
      );
    });

    it("a file of blank lines only", async () => {
      await expectNothingWritten(
        () => importVersion(editor, { slug: uniqueSlug("blank"), lang: "de", fileName: "blank.txt", bytes: bytes("\n \n\n"), isSource: true }),
        ValidationError,
        /blank\.txt: the file has no text/,
      );
    });

    it("a wrong encoding (Latin-1)", async () => {
      await expectNothingWritten(
        () => importVersion(editor, { slug: uniqueSlug("latin"), lang: "de", fileName: "latin1.txt", bytes: Buffer.from("Gr\xfc\xdfe aus K\xf6ln.", "latin1"), isSource: true }),
        ValidationError,
        /latin1\.txt: not valid UTF-8 \(first bad byte at offset 2\)/,
      );
    });

    it("a duplicate version without --replace, leaving the existing version untouched", async () => {
      const slug = uniqueSlug("dup");
      await importSource(slug);
      const first = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(GERMAN), label: "published MT" });
      await expectNothingWritten(
        () => importVersion(editor, { slug, lang: "de", fileName: "de2.txt", bytes: bytes("Anderer Titel\n\nAnderer Text."), label: "published MT" }),
        ConflictError,
        /version de "published MT" of ".*" already exists; pass --replace/,
      );
      const kept = await db.segment.findMany({ where: { versionId: first.versionId }, orderBy: { position: "asc" } });
      expect(kept.map((s) => s.text)).toEqual(GERMAN.split("\n\n"));
    });

    it("a translation into an unknown article", async () => {
      await expectNothingWritten(
        () => importVersion(editor, { slug: uniqueSlug("unknown"), lang: "de", fileName: "de.txt", bytes: bytes(GERMAN) }),
        NotFoundError,
        /unknown article ".*": import its source first with --source/,
      );
    });

    it("an unknown file format", async () => {
      await expectNothingWritten(
        () => importVersion(editor, { slug: uniqueSlug("fmt"), lang: "de", fileName: "article.docx", bytes: bytes("x"), isSource: true }),
        UnsupportedFormatError,
        /article\.docx: unknown format/,
      );
    });

    it("an invalid language tag or slug", async () => {
      await expectNothingWritten(
        () => importVersion(editor, { slug: uniqueSlug("lang"), lang: "German!", fileName: "de.txt", bytes: bytes(GERMAN), isSource: true }),
        ValidationError,
        /lang: not a BCP-47 language tag/,
      );
      await expectNothingWritten(
        () => importVersion(editor, { slug: "Bad Slug", lang: "de", fileName: "de.txt", bytes: bytes(GERMAN), isSource: true }),
        ValidationError,
        /slug: lower-case letters/,
      );
    });

    it("a caller without the role, or without a session", async () => {
      await expectNothingWritten(
        () => importVersion(reviewer, { slug: uniqueSlug("role"), lang: "de", fileName: "de.txt", bytes: bytes(GERMAN), isSource: true }),
        ForbiddenError,
        /may not version\.import/,
      );
      await expectNothingWritten(
        () => importVersion(null, { slug: uniqueSlug("anon"), lang: "de", fileName: "de.txt", bytes: bytes(GERMAN), isSource: true }),
        UnauthenticatedError,
        /sign-in required/,
      );
    });
  });

  it("replaces a version with --replace, in one transaction, and records it in the audit log", async () => {
    const slug = uniqueSlug("replace");
    await importSource(slug);
    const first = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(GERMAN), label: "published MT" });
    const second = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes("Neuer Titel\n\nNeu.\n\nAuch neu."), label: "published MT", replace: true });
    expect(second.replaced).toBe(true);
    expect(await db.version.findUnique({ where: { id: first.versionId } })).toBeNull();
    const texts = await db.segment.findMany({ where: { versionId: second.versionId }, orderBy: { position: "asc" } });
    expect(texts.map((s) => s.text)).toEqual(["Neuer Titel", "Neu.", "Auch neu."]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: second.versionId } });
    expect(event.action).toBe("version.replace");
    expect(event.before).toMatchObject({ versionId: first.versionId, segments: 3 });
  });
});
