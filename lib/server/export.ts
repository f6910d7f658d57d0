import { writeExport } from "../formats";
import { EXPORT_FORMATS, type ExportDocument, type ExportFile, type ExportFormat, type VersionStatus } from "../formats/types";
import type { SegmentKind } from "../text/segment-kinds";
import type { Actor } from "./actor";
import type { AnnotationCore } from "./annotations";
import { authorize } from "./authorize";
import { db } from "./db";
import { ConflictError, NotFoundError, UnknownFormatError, ValidationError } from "./errors";
import { exportMqmTsv } from "./mqm-export";
import { asBoolean, asDate, readSnapshot, sqlQuery, sqlRows } from "./sql";

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

export interface ArticleExportRequest {
  slug: string;
  /** The formats to write (all by default); mqm-tsv is one file for the whole article. */
  formats?: readonly string[];
  /** Only approved versions (the others are listed as skipped). */
  approvedOnly?: boolean;
}

export interface ArticleExport {
  files: ExportResult[];
  /** Versions left out by approvedOnly, as "lang label". */
  skipped: string[];
}

/**
 * Exports every version of an article in every asked-for format: what a
 * publication pipeline takes at once. Each version is read once, whatever
 * the number of formats.
 */
export async function exportArticle(actor: Actor | null, request: ArticleExportRequest): Promise<ArticleExport> {
  authorize(actor, "version.export");
  const formats = request.formats?.length ? [...new Set(request.formats)] : [...ALL_EXPORT_FORMATS];
  const unknown = formats.find((format) => !isExportFormat(format));
  if (unknown !== undefined) throw new UnknownFormatError("export", unknown || null, ALL_EXPORT_FORMATS);
  const article = await db.article.findUnique({ where: { slug: request.slug }, select: { id: true, slug: true, title: true, sourceLang: true } });
  if (!article) throw new NotFoundError(`unknown article "${request.slug}"`, { field: "article" });
  const versions = await sqlQuery<{ id: string; lang: string }>(`SELECT "id", "lang" FROM "version" WHERE "articleId" = ? ORDER BY "isSource" DESC, "lang", "label"`, [
    article.id,
  ]);
  const perLang = new Map<string, number>();
  for (const v of versions) perLang.set(v.lang, (perLang.get(v.lang) ?? 0) + 1);
  const taken = new Set<string>();

  const files: ExportResult[] = [];
  const skipped: string[] = [];
  for (const { id, lang } of versions) {
    const doc = await loadExportDocument(article, { slug: article.slug, versionId: id, format: "" });
    if (request.approvedOnly && doc.version.status !== "approved") {
      skipped.push(`${doc.version.lang} ${doc.version.label}`);
      continue;
    }
    for (const format of formats) {
      if (format === "mqm-tsv") continue;
      const file = writeExport(format as ExportFormat, doc);
      const name = exportFileName(article.slug, doc, format, file.extension, (perLang.get(lang) ?? 1) > 1);
      let fileName = name;
      for (let n = 2; taken.has(fileName); n++) fileName = name.replace(/(\.[^.]+)$/, `-${n}$1`);
      taken.add(fileName);
      files.push({ ...file, fileName });
    }
  }
  if (formats.includes("mqm-tsv")) {
    files.push({ body: await exportMqmTsv(actor, [article.slug]), mediaType: "text/tab-separated-values; charset=utf-8", extension: "tsv", fileName: `${article.slug}.mqm.tsv` });
  }
  return { files, skipped };
}

/** slug.lang[.label][.xliff12].ext: the label (made safe for a file name) where the language has several versions. */
function exportFileName(slug: string, doc: ExportDocument, format: string, extension: string, withLabel: boolean): string {
  const label = withLabel ? `.${doc.version.label.replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "") || "version"}` : "";
  const suffix = format === "xliff12" ? ".xliff12" : "";
  return `${slug}.${doc.version.lang}${label}${suffix}.${extension}`;
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

interface VersionRow {
  id: string;
  articleId: string;
  lang: string;
  label: string;
  isSource: unknown;
  status: string;
  approvedAt: unknown;
  overrideReason: string | null;
  statusMessage: string | null;
  importedText: string | null;
  importedFormat: string | null;
  approvedBy: string | null;
}

interface SegmentRow {
  id: string;
  position: number;
  kind: string;
  originalText: string;
  text: string;
  revision: number;
}

interface AnnotationRow extends AnnotationCore {
  segmentId: string;
  origin: string;
  author: string | null;
}

/**
 * Reads one version, its source alignment and its annotations into the
 * writers' input: four queries, in plain SQL (through the ORM, planning and
 * mapping the nested rows of a long article cost more than writing the files).
 */
async function loadExportDocument(article: ArticleRow, request: ExportRequest): Promise<ExportDocument> {
  const versionId = await resolveVersionId(article, request);
  const [version] = await sqlQuery<VersionRow>(
    `SELECT v."id", v."articleId", v."lang", v."label", v."isSource", v."status", v."approvedAt", v."overrideReason", v."statusMessage",
            v."importedText", v."importedFormat", u."email" AS "approvedBy"
       FROM "version" v LEFT JOIN "user" u ON u."id" = v."approvedById"
      WHERE v."id" = ?`,
    [versionId],
  );
  if (!version || version.articleId !== article.id) throw new NotFoundError(`"${article.slug}" has no version ${versionId}`, { field: "version" });
  const isSource = asBoolean(version.isSource);

  const [segments, annotations, source] = await readSnapshot((tx) =>
    Promise.all([
      sqlRows<SegmentRow>(tx, `SELECT "id", "position", "kind", "originalText", "text", "revision" FROM "segment" WHERE "versionId" = ? ORDER BY "position"`, [versionId]),
      sqlRows<AnnotationRow>(
        tx,
        `SELECT a."segmentId", a."id", a."start", a."end", a."quote", a."category", a."severity", a."status", a."note", a."suggestion", a."origin",
                COALESCE(u."email", a."rater") AS "author"
           FROM "annotation" a
           JOIN "segment" s ON s."id" = a."segmentId"
           LEFT JOIN "user" u ON u."id" = a."authorId"
          WHERE s."versionId" = ?
          ORDER BY a."start", a."createdAt"`,
        [versionId],
      ),
      isSource
        ? Promise.resolve([])
        : sqlRows<{ position: number; text: string }>(
            tx,
            `SELECT s."position", s."text" FROM "segment" s JOIN "version" v ON v."id" = s."versionId" WHERE v."articleId" = ? AND v."isSource" = ?`,
            [article.id, true],
          ),
    ]),
  );
  const sourceAt = new Map(source.map((s) => [Number(s.position), s.text]));
  const annotationsOf = new Map<string, ExportDocument["segments"][number]["annotations"]>();
  for (const a of annotations) {
    let list = annotationsOf.get(a.segmentId);
    if (!list) annotationsOf.set(a.segmentId, (list = []));
    list.push({
      id: a.id,
      start: Number(a.start),
      end: Number(a.end),
      quote: a.quote,
      category: a.category,
      severity: a.severity as "major" | "minor" | "neutral",
      status: a.status as "open" | "applied" | "rejected" | "resolved",
      note: a.note,
      suggestion: a.suggestion,
      origin: a.origin,
      author: a.author,
    });
  }

  return {
    article: { slug: article.slug, title: article.title, sourceLang: article.sourceLang },
    version: {
      id: version.id,
      lang: version.lang,
      label: version.label,
      isSource,
      status: version.status as VersionStatus,
      approvedBy: version.approvedBy,
      approvedAt: version.approvedAt === null ? null : asDate(version.approvedAt).toISOString(),
      overrideReason: version.overrideReason,
      statusMessage: version.statusMessage,
    },
    imported:
      version.importedText !== null && (version.importedFormat === "txt" || version.importedFormat === "md")
        ? { format: version.importedFormat, text: version.importedText }
        : null,
    segments: segments.map((segment) => ({
      position: Number(segment.position),
      kind: segment.kind as SegmentKind,
      originalText: segment.originalText,
      text: segment.text,
      revision: Number(segment.revision),
      sourceText: isSource ? null : (sourceAt.get(Number(segment.position)) ?? null),
      annotations: annotationsOf.get(segment.id) ?? [],
    })),
  };
}
