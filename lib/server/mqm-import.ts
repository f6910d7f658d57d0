import crypto from "node:crypto";
import { readWmtTsv, WmtFormatError, type WmtRow } from "../mqm/wmt-tsv";
import { decodeUtf8, EncodingError } from "../text/decode";
import { importMqmSchema } from "../validation/mqm";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { insertMany } from "./bulk-insert";
import { db } from "./db";
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

  const segments: { id: string; versionId: string; articleId: string; position: number; kind: string; originalText: string; text: string; revision: number }[] = [];
  const annotations: {
    id: string;
    segmentId: string;
    start: number;
    end: number;
    quote: string;
    category: string;
    severity: string;
    note: string | null;
    origin: string;
    rater: string;
    targetVersionId: string | null;
  }[] = [];
  const marks = new Map<string, { segmentId: string; rater: string }>();

  return db.$transaction(
    async (tx) => {
      const existing = await tx.article.findMany({ where: { slug: { in: docs.map((d) => d.slug) } }, select: { slug: true } });
      if (existing.length > 0 && !input.replace) {
        throw new ConflictError(`${file}: already imported (${existing.map((a) => a.slug).join(", ")}); pass --replace to import it again`, { field: "replace" });
      }
      if (existing.length > 0) await tx.article.deleteMany({ where: { slug: { in: existing.map((a) => a.slug) } } });

      const articles: { id: string; slug: string; title: string; sourceLang: string }[] = [];
      const versions: { id: string; articleId: string; lang: string; label: string; isSource: boolean }[] = [];
      for (const doc of docs) {
        const articleId = crypto.randomUUID();
        articles.push({ id: articleId, slug: doc.slug, title: doc.doc, sourceLang: input.sourceLang });
        const sourceId = crypto.randomUUID();
        versions.push({ id: sourceId, articleId, lang: input.sourceLang, label: "source", isSource: true });
        const segmentIds = new Map<string, string>();
        const addSegment = (versionId: string, docId: string, text: string) => {
          const id = crypto.randomUUID();
          segments.push({ id, versionId, articleId, position: doc.positions.get(docId)!, kind: "paragraph", originalText: text, text, revision: 1 });
          segmentIds.set(`${versionId}\u0000${docId}`, id);
        };
        for (const [docId, { text }] of doc.source) addSegment(sourceId, docId, text);
        const systemIds = new Map<string, string>();
        for (const [system, targets] of doc.targets) {
          const versionId = crypto.randomUUID();
          systemIds.set(system, versionId);
          versions.push({ id: versionId, articleId, lang: input.targetLang, label: system, isSource: false });
          for (const [docId, { text }] of targets) addSegment(versionId, docId, text);
        }
        for (const row of doc.rows) {
          const versionId = systemIds.get(row.system)!;
          const targetSegment = segmentIds.get(`${versionId}\u0000${row.docId}`)!;
          marks.set(`${targetSegment}\u0000${row.rater}`, { segmentId: targetSegment, rater: importedRaterKey(row.rater) });
          if (!row.category || !row.severity) continue;
          const onSource = row.span?.side === "source";
          const text = onSource ? row.source : row.target;
          annotations.push({
            id: crypto.randomUUID(),
            segmentId: onSource ? segmentIds.get(`${sourceId}\u0000${row.docId}`)! : targetSegment,
            start: row.span?.start ?? 0,
            end: row.span?.end ?? 0,
            quote: row.span ? text.slice(row.span.start, row.span.end) : "",
            category: row.category,
            severity: row.severity,
            note: row.comment || null,
            origin: "import",
            rater: row.rater,
            targetVersionId: onSource ? versionId : null,
          });
        }
      }

      const now = new Date();
      await tx.article.createMany({ data: articles });
      await tx.version.createMany({ data: versions });
      await insertMany(
        tx,
        "segment",
        ["id", "versionId", "articleId", "position", "kind", "originalText", "text", "revision", "updatedAt"],
        segments.map((s) => [s.id, s.versionId, s.articleId, s.position, s.kind, s.originalText, s.text, s.revision, now]),
      );
      await insertMany(
        tx,
        "revision",
        ["id", "segmentId", "number", "text", "cause", "createdAt"],
        segments.map((s) => [crypto.randomUUID(), s.id, 1, s.text, "import", now]),
      );
      await insertMany(
        tx,
        "annotation",
        ["id", "segmentId", "start", "end", "quote", "category", "severity", "note", "status", "origin", "rater", "targetVersionId", "createdAt", "updatedAt"],
        annotations.map((a) => [a.id, a.segmentId, a.start, a.end, a.quote, a.category, a.severity, a.note, "open", a.origin, a.rater, a.targetVersionId, now, now]),
      );
      await insertMany(
        tx,
        "review_mark",
        ["id", "segmentId", "rater", "createdAt"],
        [...marks.values()].map((m) => [crypto.randomUUID(), m.segmentId, m.rater, now]),
      );
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
        segments: segments.length,
        annotations: annotations.length,
        reviewMarks: marks.size,
      };
    },
    { timeout: 60_000 },
  );
}
