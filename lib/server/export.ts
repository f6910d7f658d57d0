import { writeExport } from "../formats";
import { EXPORT_FORMATS, type ExportDocument, type ExportFile, type ExportFormat, type VersionStatus } from "../formats/types";
import type { SegmentKind } from "../text/segment-kinds";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { db } from "./db";
import { ConflictError, NotFoundError, UnknownFormatError, ValidationError } from "./errors";
import { exportMqmTsv } from "./mqm-export";

/** Every format the export API and CLI accept: the cleaned-text writers plus the MQM annotations. */
export const ALL_EXPORT_FORMATS = [...EXPORT_FORMATS, "mqm-tsv"] as const;
export type AnyExportFormat = (typeof ALL_EXPORT_FORMATS)[number];

export interface ExportRequest {
  slug: string;
  /** Either the version's id, or its language (and label when the language has several versions). */
  versionId?: string | null;
  lang?: string | null;
  label?: string | null;
  format: string;
  /** Refuse a version that is not approved (409). */
  approvedOnly?: boolean;
}

export interface ExportResult extends ExportFile {
  fileName: string;
}

export function isExportFormat(format: string): format is AnyExportFormat {
  return (ALL_EXPORT_FORMATS as readonly string[]).includes(format);
}

/**
 * Exports one version's cleaned text in one format. With approvedOnly, an
 * unapproved version is refused. mqm-tsv exports the whole article's annotations.
 */
export async function exportVersion(actor: Actor | null, request: ExportRequest): Promise<ExportResult> {
  authorize(actor, "version.export");
  const format = request.format;
  if (!isExportFormat(format)) throw new UnknownFormatError("export", format || null, ALL_EXPORT_FORMATS);

  const article = await db.article.findUnique({ where: { slug: request.slug }, select: { id: true, slug: true, title: true, sourceLang: true } });
  if (!article) throw new NotFoundError(`unknown article "${request.slug}"`, { field: "article" });

  if (format === "mqm-tsv") {
    const body = await exportMqmTsv(actor, [article.slug]);
    return { body, mediaType: "text/tab-separated-values; charset=utf-8", extension: "tsv", fileName: `${article.slug}.mqm.tsv` };
  }

  const doc = await loadExportDocument(article, request);
  if (request.approvedOnly && doc.version.status !== "approved") {
    throw new ConflictError(
      `${doc.version.lang} "${doc.version.label}" of "${article.slug}" is not approved (status: ${doc.version.status}); an editor must approve it before an approved-only export`,
      { status: doc.version.status, versionId: doc.version.id },
    );
  }
  const file = writeExport(format as ExportFormat, doc);
  const suffix = format === "xliff12" ? ".xliff12" : "";
  return { ...file, fileName: `${article.slug}.${doc.version.lang}${suffix}.${file.extension}` };
}

type ArticleRow = { id: string; slug: string; title: string; sourceLang: string };

async function resolveVersionId(article: ArticleRow, request: ExportRequest): Promise<string> {
  if (request.versionId) return request.versionId;
  if (!request.lang) throw new ValidationError("say which version to export: version=ID or lang=LANG", { field: "lang" });
  const candidates = await db.version.findMany({
    where: { articleId: article.id, lang: request.lang, ...(request.label ? { label: request.label } : {}) },
    orderBy: [{ isSource: "desc" }, { label: "asc" }],
    select: { id: true, label: true },
  });
  if (candidates.length === 0) {
    throw new NotFoundError(`"${article.slug}" has no ${request.lang} version${request.label ? ` labelled "${request.label}"` : ""}`, { field: "lang" });
  }
  if (candidates.length > 1) {
    throw new ValidationError(
      `"${article.slug}" has ${candidates.length} ${request.lang} versions (${candidates.map((c) => `"${c.label}"`).join(", ")}); choose one with --label or version=ID`,
      { field: "label", labels: candidates.map((c) => c.label) },
    );
  }
  return candidates[0].id;
}

/** Reads one version, its source alignment and its annotations into the writers' input. */
async function loadExportDocument(article: ArticleRow, request: ExportRequest): Promise<ExportDocument> {
  const versionId = await resolveVersionId(article, request);
  const version = await db.version.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      articleId: true,
      lang: true,
      label: true,
      isSource: true,
      status: true,
      approvedAt: true,
      overrideReason: true,
      statusMessage: true,
      importedText: true,
      importedFormat: true,
      approvedBy: { select: { email: true } },
      segments: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          kind: true,
          originalText: true,
          text: true,
          revision: true,
          annotations: {
            orderBy: [{ start: "asc" }, { createdAt: "asc" }],
            select: {
              id: true,
              start: true,
              end: true,
              quote: true,
              category: true,
              severity: true,
              status: true,
              note: true,
              suggestion: true,
              origin: true,
              rater: true,
              author: { select: { email: true } },
            },
          },
        },
      },
    },
  });
  if (!version || version.articleId !== article.id) throw new NotFoundError(`"${article.slug}" has no version ${versionId}`, { field: "version" });

  const source = version.isSource
    ? null
    : await db.segment.findMany({
        where: { articleId: article.id, version: { isSource: true } },
        select: { position: true, text: true },
      });
  const sourceAt = new Map(source?.map((s) => [s.position, s.text]));

  return {
    article: { slug: article.slug, title: article.title, sourceLang: article.sourceLang },
    version: {
      id: version.id,
      lang: version.lang,
      label: version.label,
      isSource: version.isSource,
      status: version.status as VersionStatus,
      approvedBy: version.approvedBy?.email ?? null,
      approvedAt: version.approvedAt?.toISOString() ?? null,
      overrideReason: version.overrideReason,
      statusMessage: version.statusMessage,
    },
    imported:
      version.importedText !== null && (version.importedFormat === "txt" || version.importedFormat === "md")
        ? { format: version.importedFormat, text: version.importedText }
        : null,
    segments: version.segments.map((segment) => ({
      position: segment.position,
      kind: segment.kind as SegmentKind,
      originalText: segment.originalText,
      text: segment.text,
      revision: segment.revision,
      sourceText: version.isSource ? null : (sourceAt.get(segment.position) ?? null),
      annotations: segment.annotations.map((a) => ({
        id: a.id,
        start: a.start,
        end: a.end,
        quote: a.quote,
        category: a.category,
        severity: a.severity as "major" | "minor" | "neutral",
        status: a.status as "open" | "applied" | "rejected" | "resolved",
        note: a.note,
        suggestion: a.suggestion,
        origin: a.origin,
        author: a.author?.email ?? a.rater ?? null,
      })),
    })),
  };
}
