import { readWmtTsv, WmtFormatError, type WmtRow } from "../mqm/wmt-tsv";
import { decodeUtf8, EncodingError } from "../text/decode";
import { importMqmSchema } from "../validation/mqm";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { insertMany, orderedIds } from "./bulk-insert";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { ConflictError, ValidationError } from "./errors";
import { validate } from "./validate";

export interface ImportMqmRequest {
  fileName: string;
  bytes: Uint8Array;
  sourceLang?: string;
  targetLang?: string;
  replace?: boolean;
}

export interface ImportMqmResult {
  articles: string[];
  versions: number;
  segments: number;
  annotations: number;
  reviewMarks: number;
}

/** Imported raters are not Verso users; their review marks use this key. */
export function importedRaterKey(rater: string): string {
  return `import:${rater}`;
}

export function slugForDoc(doc: string): string {
  return doc.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 100) || "doc";
}

interface DocPlan {
  doc: string;
  slug: string;
  /** doc_id → position, in numeric order. */
  positions: Map<string, number>;
  source: Map<string, { text: string; line: number }>;
  /** system → doc_id → target text. */
  targets: Map<string, Map<string, { text: string; line: number }>>;
  rows: WmtRow[];
}

function byDocId(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.localeCompare(b);
}

/** Every row of one segment must repeat the same texts; a mismatch is an error on that line. */
function remember(map: Map<string, { text: string; line: number }>, key: string, text: string, line: number, field: string, file: string) {
  const seen = map.get(key);
  if (!seen) map.set(key, { text, line });
  else if (seen.text !== text) throw new ValidationError(`${file}: line ${line}: ${field}: differs from line ${seen.line} for the same segment`, { file, line, field });
}

function plan(rows: WmtRow[], file: string): DocPlan[] {
  const docs = new Map<string, DocPlan>();
  for (const row of rows) {
    let doc = docs.get(row.doc);
    if (!doc) {
      doc = { doc: row.doc, slug: slugForDoc(row.doc), positions: new Map(), source: new Map(), targets: new Map(), rows: [] };
      docs.set(row.doc, doc);
    }
    doc.rows.push(row);
    remember(doc.source, row.docId, row.source, row.line, "source", file);
    let targets = doc.targets.get(row.system);
    if (!targets) doc.targets.set(row.system, (targets = new Map()));
    remember(targets, row.docId, row.target, row.line, "target", file);
  }
  const slugs = new Set<string>();
  for (const doc of docs.values()) {
    [...doc.source.keys()].sort(byDocId).forEach((docId, index) => doc.positions.set(docId, index + 1));
    let slug = doc.slug;
    for (let n = 2; slugs.has(slug); n++) slug = `${doc.slug}-${n}`;
    doc.slug = slug;
    slugs.add(slug);
  }
  return [...docs.values()];
}

const ARTICLE_COLUMNS = ["id", "slug", "title", "sourceLang", "createdAt", "updatedAt"] as const;
const VERSION_COLUMNS = ["id", "articleId", "lang", "label", "isSource", "createdAt", "updatedAt"] as const;
const SEGMENT_COLUMNS = ["id", "versionId", "articleId", "position", "kind", "originalText", "text", "revision", "updatedAt"] as const;
const REVISION_COLUMNS = ["id", "segmentId", "number", "text", "cause", "createdAt"] as const;
const ANNOTATION_COLUMNS = ["id", "segmentId", "start", "end", "quote", "category", "severity", "note", "status", "origin", "rater", "targetVersionId", "createdAt", "updatedAt"] as const;
const REVIEW_MARK_COLUMNS = ["id", "segmentId", "rater", "createdAt"] as const;

type Cell = string | number | Date | null;

interface ImportRows {
  now: Date;
  articles: { id: string; slug: string; title: string; sourceLang: string }[];
  versions: { id: string; articleId: string; lang: string; label: string; isSource: boolean }[];
  /** Rows for insertMany, in the column orders above. */
  segments: Cell[][];
  revisions: Cell[][];
  annotations: Cell[][];
  reviewMarks: Cell[][];
}

/** Every row the import writes, built before the transaction opens so that the write lock is held only to insert. */
function buildRows(docs: DocPlan[], sourceLang: string, targetLang: string, now: Date): ImportRows {
  const nextId = orderedIds();
  const out: ImportRows = { now, articles: [], versions: [], segments: [], revisions: [], annotations: [], reviewMarks: [] };
  for (const doc of docs) {
    const articleId = nextId();
    out.articles.push({ id: articleId, slug: doc.slug, title: doc.doc, sourceLang });
    // Segment ids of this doc by version, then doc_id.
    const segmentIds = new Map<string, Map<string, string>>();
    const addVersion = (label: string, isSource: boolean, lang: string, texts: Map<string, { text: string }>): string => {
      const versionId = nextId();
      out.versions.push({ id: versionId, articleId, lang, label, isSource });
      const ids = new Map<string, string>();
      for (const [docId, { text }] of texts) {
        const id = nextId();
        ids.set(docId, id);
        out.segments.push([id, versionId, articleId, doc.positions.get(docId)!, "paragraph", text, text, 1, now]);
        out.revisions.push([nextId(), id, 1, text, "import", now]);
      }
      segmentIds.set(versionId, ids);
      return versionId;
    };
    const sourceId = addVersion("source", true, sourceLang, doc.source);
    const systemIds = new Map<string, string>();
    for (const [system, targets] of doc.targets) systemIds.set(system, addVersion(system, false, targetLang, targets));
    const sourceSegments = segmentIds.get(sourceId)!;
    const rated = new Set<string>();
    for (const row of doc.rows) {
      const versionId = systemIds.get(row.system)!;
      const targetSegment = segmentIds.get(versionId)!.get(row.docId)!;
      const pair = `${targetSegment}\u0000${row.rater}`;
      if (!rated.has(pair)) {
        rated.add(pair);
        out.reviewMarks.push([nextId(), targetSegment, importedRaterKey(row.rater), now]);
      }
      if (!row.category || !row.severity) continue;
      const onSource = row.span?.side === "source";
      const text = onSource ? row.source : row.target;
      out.annotations.push([
        nextId(),
        onSource ? sourceSegments.get(row.docId)! : targetSegment,
        row.span?.start ?? 0,
        row.span?.end ?? 0,
        row.span ? text.slice(row.span.start, row.span.end) : "",
        row.category,
        row.severity,
        row.comment || null,
        "open",
        "import",
        row.rater,
        onSource ? versionId : null,
        now,
        now,
      ]);
    }
  }
  return out;
}

/**
 * Imports a WMT MQM TSV file in one transaction: each doc becomes an article,
 * its source a source version, each system a version, each error row an
 * annotation (origin "import", rater kept by name) and each row a review mark
 * for its (segment, rater). Re-importing refuses unless `replace`.
 */
export async function importMqm(actor: Actor | null, request: ImportMqmRequest): Promise<ImportMqmResult> {
  authorize(actor, "mqm.import");
  const input = validate(importMqmSchema, { fileName: request.fileName, sourceLang: request.sourceLang, targetLang: request.targetLang, replace: request.replace });
  const file = input.fileName;
  if (request.bytes.length === 0) throw new ValidationError(`${file}: the file is empty`, { file });
  let rows: WmtRow[];
  try {
    rows = readWmtTsv(decodeUtf8(request.bytes));
  } catch (error) {
    if (error instanceof EncodingError) throw new ValidationError(`${file}: ${error.message}`, { file });
    if (error instanceof WmtFormatError) throw new ValidationError(`${file}: ${error.message}`, { file, line: error.line, field: error.field });
    throw error;
  }
  if (rows.length === 0) throw new ValidationError(`${file}: the file has no rows`, { file });
  const docs = plan(rows, file);

  const records = buildRows(docs, input.sourceLang, input.targetLang, new Date());

  return db.$transaction(
    async (tx) => {
      // Raw SQL here and insertMany below: each distinct Prisma model query is compiled on first use, at tens of ms.
      const existing = await tx.$queryRaw<{ slug: string }[]>`SELECT "slug" FROM "article" WHERE "slug" IN (${Prisma.join(docs.map((d) => d.slug))})`;
      if (existing.length > 0 && !input.replace) {
        throw new ConflictError(`${file}: already imported (${existing.map((a) => a.slug).join(", ")}); pass --replace to import it again`, { field: "replace" });
      }
      if (existing.length > 0) await tx.article.deleteMany({ where: { slug: { in: existing.map((a) => a.slug) } } });

      const { articles, versions } = records;
      // Prisma's createMany costs about 2 ms a version here (150 ms for the TED file); insertMany a few.
      await insertMany(tx, "article", ARTICLE_COLUMNS, articles.map((a) => [a.id, a.slug, a.title, a.sourceLang, records.now, records.now]));
      await insertMany(tx, "version", VERSION_COLUMNS, versions.map((v) => [v.id, v.articleId, v.lang, v.label, v.isSource, records.now, records.now]));
      await insertMany(tx, "segment", SEGMENT_COLUMNS, records.segments);
      await insertMany(tx, "revision", REVISION_COLUMNS, records.revisions);
      await insertMany(tx, "annotation", ANNOTATION_COLUMNS, records.annotations);
      await insertMany(tx, "review_mark", REVIEW_MARK_COLUMNS, records.reviewMarks);
      for (const article of articles) {
        await appendAudit(tx, actor, {
          action: existing.length > 0 ? "mqm.reimport" : "mqm.import",
          entityType: "article",
          entityId: article.id,
          articleId: article.id,
          after: { file, slug: article.slug, versions: versions.filter((v) => v.articleId === article.id).length },
        });
      }
      return {
        articles: articles.map((a) => a.slug),
        versions: versions.length,
        segments: records.segments.length,
        annotations: records.annotations.length,
        reviewMarks: records.reviewMarks.length,
      };
    },
    { timeout: 60_000 },
  );
}
