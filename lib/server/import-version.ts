import crypto from "node:crypto";
import { decodeUtf8, EncodingError } from "../text/decode";
import { segmentText, textFormatOf, type TextFormat, type TextSegment } from "../text";
import { importVersionSchema } from "../validation/import";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db, type Tx } from "./db";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "./errors";
import { validate } from "./validate";

export interface ImportVersionRequest {
  slug: string;
  lang: string;
  fileName: string;
  bytes: Uint8Array;
  isSource?: boolean;
  label?: string;
  title?: string;
  replace?: boolean;
  format?: TextFormat;
}

export interface ImportVersionResult {
  articleId: string;
  articleCreated: boolean;
  versionId: string;
  replaced: boolean;
  segmentCount: number;
  /** Alignment notes, e.g. a segment count that differs from the source. */
  warnings: string[];
}

export class UnsupportedFormatError extends DomainError {
  constructor(fileName: string) {
    super("unsupported_format", `${fileName}: unknown format; use .txt, .md or .html`, { file: fileName });
  }
}

/**
 * Imports one version of an article from a text, Markdown or HTML file, in a
 * single transaction. With isSource into a new slug it creates the article;
 * a translation into an unknown slug is an error.
 */
export async function importVersion(actor: Actor | null, request: ImportVersionRequest): Promise<ImportVersionResult> {
  authorize(actor, "version.import");
  const format = request.format ?? textFormatOf(request.fileName);
  if (!format) throw new UnsupportedFormatError(request.fileName);
  const input = validate(importVersionSchema, { ...request, bytes: undefined, format });
  const file = input.fileName;

  if (request.bytes.length === 0) throw new ValidationError(`${file}: the file is empty`, { file });
  let text: string;
  try {
    text = decodeUtf8(request.bytes);
  } catch (error) {
    if (error instanceof EncodingError) {
      throw new ValidationError(`${file}: ${error.message}; save the file as UTF-8`, { file, offset: error.offset });
    }
    throw error;
  }
  const segments = segmentText(text, format);
  if (segments.length === 0) throw new ValidationError(`${file}: the file has no text`, { file });

  const label = input.label ?? (input.isSource ? "source" : "imported");

  return db.$transaction(async (tx) => {
    let article = await tx.article.findUnique({ where: { slug: input.slug } });
    let articleCreated = false;
    if (!article) {
      if (!input.isSource) {
        throw new NotFoundError(`unknown article "${input.slug}": import its source first with --source`, { field: "article" });
      }
      const title = input.title ?? firstTitle(segments);
      if (!title) throw new ValidationError(`${file}: no title or heading found; pass --title`, { file, field: "title" });
      article = await tx.article.create({ data: { slug: input.slug, title, sourceLang: input.lang } });
      articleCreated = true;
      await appendAudit(tx, actor, { action: "article.create", entityType: "article", entityId: article.id, articleId: article.id, after: { slug: input.slug, title, sourceLang: input.lang } });
    } else if (input.isSource && article.sourceLang !== input.lang) {
      throw new ConflictError(`article "${input.slug}" already has a ${article.sourceLang} source`, { field: "lang" });
    }

    const existing = await tx.version.findUnique({
      where: { articleId_lang_label: { articleId: article.id, lang: input.lang, label } },
      include: { _count: { select: { segments: true } } },
    });
    if (existing && !input.replace) {
      throw new ConflictError(`version ${input.lang} "${label}" of "${input.slug}" already exists; pass --replace to overwrite it`, { field: "label" });
    }
    if (existing) await tx.version.delete({ where: { id: existing.id } });

    const version = await tx.version.create({
      data: {
        articleId: article.id,
        lang: input.lang,
        label,
        isSource: input.isSource,
        // Plain text and Markdown exports patch this file, keeping its layout.
        importedText: format === "html" ? null : text,
        importedFormat: format === "html" ? null : format,
      },
    });
    await insertSegments(tx, article.id, version.id, segments, actor);
    await appendAudit(tx, actor, {
      action: existing ? "version.replace" : "version.import",
      entityType: "version",
      entityId: version.id,
      articleId: article.id,
      before: existing ? { versionId: existing.id, segments: existing._count.segments } : undefined,
      after: { lang: input.lang, label, isSource: input.isSource, file, format, segments: segments.length },
    });

    const warnings = await alignmentWarnings(tx, article.id, version.id, segments.length, input.isSource);
    return {
      articleId: article.id,
      articleCreated,
      versionId: version.id,
      replaced: Boolean(existing),
      segmentCount: segments.length,
      warnings,
    };
  });
}

function firstTitle(segments: TextSegment[]): string | null {
  return (segments.find((s) => s.kind === "title") ?? segments.find((s) => s.kind === "heading"))?.text ?? null;
}

async function insertSegments(tx: Tx, articleId: string, versionId: string, segments: TextSegment[], actor: Actor) {
  const rows = segments.map((segment, index) => ({
    id: crypto.randomUUID(),
    articleId,
    versionId,
    position: index + 1,
    kind: segment.kind,
    originalText: segment.text,
    text: segment.text,
    revision: 1,
  }));
  await tx.segment.createMany({ data: rows });
  await tx.revision.createMany({
    data: rows.map((row) => ({
      segmentId: row.id,
      number: 1,
      text: row.text,
      cause: "import",
      authorId: actor.kind === "user" ? actor.id : null,
    })),
  });
}

async function alignmentWarnings(tx: Tx, articleId: string, versionId: string, count: number, isSource: boolean) {
  const others = await tx.version.findMany({
    where: { articleId, id: { not: versionId }, isSource: !isSource },
    select: { lang: true, label: true, _count: { select: { segments: true } } },
  });
  return others
    .filter((other) => other._count.segments !== count)
    .map((other) => `${other.lang} "${other.label}" has ${other._count.segments} segments, this version ${count}`);
}
