import { decodeUtf8, EncodingError } from "../text/decode";
import { FormatError } from "../formats/types";
import { readXliff, type XliffDocument } from "../formats/xliff-reader";
import { segmentText, type TextFormat, type TextSegment } from "../text";
import { importFormatOf, importVersionSchema, type ImportFormat } from "../validation/import";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { insertMany, orderedIds } from "./bulk-insert";
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
  format?: ImportFormat;
}

export interface ImportVersionResult {
  articleId: string;
  articleCreated: boolean;
  versionId: string;
  replaced: boolean;
  segmentCount: number;
  /** Annotations read from an XLIFF file's notes. */
  annotationCount: number;
  /** Alignment notes, e.g. a segment count that differs from the source. */
  warnings: string[];
}

export class UnsupportedFormatError extends DomainError {
  constructor(fileName: string) {
    super("unsupported_format", `${fileName}: unknown format; use .txt, .md, .html, .xlf or .xliff`, { file: fileName });
  }
}

type ImportedAnnotation = XliffDocument["units"][number]["annotations"][number];

/** What a file contributes: the version's segments and, from XLIFF, the source text and annotations. */
interface ParsedFile {
  segments: TextSegment[];
  annotations: ImportedAnnotation[][];
  source: { lang: string; segments: TextSegment[] } | null;
}

/**
 * Imports one version of an article from a text, Markdown, HTML or XLIFF file,
 * in a single transaction. With isSource into a new slug it creates the
 * article; so does an XLIFF translation, whose file carries the source. A
 * plain translation into an unknown slug is an error.
 */
export async function importVersion(actor: Actor | null, request: ImportVersionRequest): Promise<ImportVersionResult> {
  authorize(actor, "version.import");
  const format = request.format ?? importFormatOf(request.fileName);
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
  const parsed = format === "xliff" ? parseXliffFile(text, file, input.lang, input.isSource) : parseTextFile(text, format);
  const { segments } = parsed;
  if (segments.length === 0) throw new ValidationError(`${file}: the file has no text`, { file });

  const label = input.label ?? (input.isSource ? "source" : "imported");

  const result = await db.$transaction(async (tx) => {
    let article = await tx.article.findUnique({ where: { slug: input.slug } });
    let articleCreated = false;
    if (!article) {
      if (!input.isSource && !parsed.source) {
        throw new NotFoundError(`unknown article "${input.slug}": import its source first with --source`, { field: "article" });
      }
      const title = input.title ?? firstTitle(parsed.source?.segments ?? segments);
      if (!title) throw new ValidationError(`${file}: no title or heading found; pass --title`, { file, field: "title" });
      const sourceLang = parsed.source?.lang ?? input.lang;
      article = await tx.article.create({ data: { slug: input.slug, title, sourceLang } });
      articleCreated = true;
      await appendAudit(tx, actor, { action: "article.create", entityType: "article", entityId: article.id, articleId: article.id, after: { slug: input.slug, title, sourceLang } });
      if (parsed.source) {
        // The XLIFF file's source side becomes the new article's source version.
        const sourceVersion = await tx.version.create({ data: { articleId: article.id, lang: sourceLang, label: "source", isSource: true } });
        await insertSegments(tx, article.id, sourceVersion.id, parsed.source.segments, actor);
        await appendAudit(tx, actor, {
          action: "version.import",
          entityType: "version",
          entityId: sourceVersion.id,
          articleId: article.id,
          after: { lang: sourceLang, label: "source", isSource: true, file, format, segments: parsed.source.segments.length },
        });
      }
    } else if (input.isSource && article.sourceLang !== input.lang) {
      throw new ConflictError(`article "${input.slug}" already has a ${article.sourceLang} source`, { field: "lang" });
    } else if (parsed.source && parsed.source.lang.toLowerCase() !== article.sourceLang.toLowerCase()) {
      throw new ValidationError(`${file}: the file's source language is ${parsed.source.lang}, the article's is ${article.sourceLang}`, { file, field: "srcLang" });
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
        importedText: format === "txt" || format === "md" ? text : null,
        importedFormat: format === "txt" || format === "md" ? format : null,
      },
    });
    const segmentIds = await insertSegments(tx, article.id, version.id, segments, actor);
    const annotationCount = await insertAnnotations(tx, segmentIds, parsed.annotations);
    await appendAudit(tx, actor, {
      action: existing ? "version.replace" : "version.import",
      entityType: "version",
      entityId: version.id,
      articleId: article.id,
      before: existing ? { versionId: existing.id, segments: existing._count.segments } : undefined,
      after: { lang: input.lang, label, isSource: input.isSource, file, format, segments: segments.length, annotations: annotationCount },
    });

    const warnings = await alignmentWarnings(tx, article.id, version.id, segments.length, input.isSource);
    return {
      articleId: article.id,
      articleCreated,
      versionId: version.id,
      replaced: Boolean(existing),
      segmentCount: segments.length,
      annotationCount,
      warnings,
    };
  });
  // The checks run on import, so the workspace opens with findings ready.
  const { scheduleChecks } = await import("./checks");
  scheduleChecks(result.articleId);
  return result;
}

function parseTextFile(text: string, format: TextFormat): ParsedFile {
  const segments = segmentText(text, format);
  return { segments, annotations: segments.map(() => []), source: null };
}

/**
 * An XLIFF file: the targets become the version (the sources, with --source),
 * notes written by Verso become annotations again.
 */
function parseXliffFile(text: string, file: string, lang: string, isSource: boolean): ParsedFile {
  let doc: XliffDocument;
  try {
    doc = readXliff(text, file);
  } catch (error) {
    if (error instanceof FormatError) throw new ValidationError(error.message, { ...error.details });
    throw error;
  }
  const sameLang = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (isSource) {
    if (!sameLang(doc.sourceLang, lang)) {
      throw new ValidationError(`${file}: the file's source language is ${doc.sourceLang}, not ${lang}`, { file, field: "srcLang" });
    }
    return {
      segments: doc.units.map((unit) => ({ kind: unit.kind, text: unit.source })),
      annotations: doc.units.map(() => []),
      source: null,
    };
  }
  if (doc.targetLang && !sameLang(doc.targetLang, lang)) {
    throw new ValidationError(`${file}: the file's target language is ${doc.targetLang}, not ${lang}`, { file, field: "trgLang" });
  }
  const missing = doc.units.find((unit) => unit.target === null);
  if (missing) throw new ValidationError(`${file}: unit "${missing.id}" has no target`, { file, field: "target", unit: missing.id });
  return {
    segments: doc.units.map((unit) => ({ kind: unit.kind, text: unit.target ?? "" })),
    annotations: doc.units.map((unit) => unit.annotations),
    source: { lang: doc.sourceLang, segments: doc.units.map((unit) => ({ kind: unit.kind, text: unit.source })) },
  };
}

function firstTitle(segments: TextSegment[]): string | null {
  return (segments.find((s) => s.kind === "title") ?? segments.find((s) => s.kind === "heading"))?.text ?? null;
}

const SEGMENT_COLUMNS = ["id", "versionId", "articleId", "position", "kind", "originalText", "text", "revision", "updatedAt"] as const;
const REVISION_COLUMNS = ["id", "segmentId", "number", "text", "cause", "baseRevision", "authorId", "annotationId", "createdAt"] as const;

/** Segments at revision 1 with their first revision; insertMany, since createMany held the write lock for seconds on long articles. */
async function insertSegments(tx: Tx, articleId: string, versionId: string, segments: TextSegment[], actor: Actor) {
  const now = new Date();
  const segmentId = orderedIds();
  const revisionId = orderedIds();
  const ids = segments.map(() => segmentId());
  const authorId = actor.kind === "user" ? actor.id : null;
  await insertMany(tx, "segment", SEGMENT_COLUMNS, segments.map((segment, index) => [ids[index], versionId, articleId, index + 1, segment.kind, segment.text, segment.text, 1, now]));
  await insertMany(tx, "revision", REVISION_COLUMNS, segments.map((segment, index) => [revisionId(), ids[index], 1, segment.text, "import", null, authorId, null, now]));
  return ids;
}

/** Annotations from an XLIFF file; authors who are Verso users by email get linked, others stay rater names. */
async function insertAnnotations(tx: Tx, segmentIds: string[], annotations: ImportedAnnotation[][]): Promise<number> {
  const emails = [...new Set(annotations.flat().flatMap((a) => (a.author ? [a.author.toLowerCase()] : [])))];
  const users = emails.length ? await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }) : [];
  const userIdOf = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const rows = annotations.flatMap((list, index) =>
    list.map((a) => {
      const authorId = a.author ? (userIdOf.get(a.author.toLowerCase()) ?? null) : null;
      return {
        segmentId: segmentIds[index],
        start: a.start,
        end: a.end,
        quote: a.quote,
        category: a.category,
        severity: a.severity,
        status: a.status,
        note: a.note,
        suggestion: a.suggestion,
        origin: a.origin,
        authorId,
        rater: authorId ? null : a.author,
      };
    }),
  );
  if (rows.length > 0) await tx.annotation.createMany({ data: rows });
  return rows.length;
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
