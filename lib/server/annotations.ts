import { isMarkedOnSource } from "../mqm/taxonomy";
import { mapSpan } from "../text/diff";
import { checkSpan, type SpanProblem } from "../text/spans";
import { createAnnotationSchema, type CreateAnnotationInput } from "../validation/annotation";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { orderedIds } from "./bulk-insert";
import type { Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { writeRevision, type SegmentState } from "./revisions";
import { asBoolean, asDate, sqlRows, sqlRun, writeTransaction } from "./sql";
import { validate } from "./validate";

const SPAN_MESSAGES: Record<SpanProblem, string> = {
  out_of_range: "the span is outside the segment (a span may not cross into another segment)",
  empty: "the span is empty",
  splits_character: "the span cuts a character in half (UTF-16 surrogate pair)",
  quote_mismatch: "the quote does not match the text at these offsets",
};

/** The fields every view of an annotation carries (a Prisma select of them, and their type). */
export const ANNOTATION_CORE_FIELDS = {
  id: true,
  start: true,
  end: true,
  quote: true,
  category: true,
  severity: true,
  status: true,
  note: true,
  suggestion: true,
} as const;

export interface AnnotationCore {
  id: string;
  start: number;
  end: number;
  quote: string;
  category: string;
  severity: string;
  status: string;
  note: string | null;
  suggestion: string | null;
}

export interface AnnotationView extends AnnotationCore {
  segmentId: string;
  origin: string;
  targetVersionId: string | null;
  appliedRevision: number | null;
  appliedStart: number | null;
  appliedEnd: number | null;
  createdAt: Date;
  author: { id: string; name: string; email: string } | null;
}
export type SegmentView = { id: string; versionId: string; position: number; kind: string; originalText: string; text: string; revision: number };

// Ids of new annotations: time-ordered, unique across processes.
const newId = orderedIds();

type SegmentRow = SegmentView & { articleId: string; isSource: unknown };

async function loadSegment(tx: Tx, id: string): Promise<SegmentRow> {
  const [segment] = await sqlRows<SegmentRow>(
    tx,
    `SELECT s."id", s."versionId", s."articleId", s."position", s."kind", s."originalText", s."text", s."revision", v."isSource"
       FROM "segment" s JOIN "version" v ON v."id" = s."versionId"
      WHERE s."id" = ?`,
    [id],
  );
  if (!segment) throw new NotFoundError(`unknown segment ${id}`);
  return segment;
}

function segmentView(segment: SegmentView & Record<string, unknown>): SegmentView {
  const { id, versionId, position, kind, originalText, text, revision } = segment;
  return { id, versionId, position, kind, originalText, text, revision };
}

/**
 * Marks an error on a span of a segment's original text. The quote must be
 * exactly what the UTF-16 offsets cover. With `apply`, the suggestion is
 * written into the text in the same transaction.
 */
export async function createAnnotation(
  actor: Actor | null,
  segmentId: string,
  input: CreateAnnotationInput,
): Promise<{ annotation: AnnotationView; segment: SegmentView }> {
  authorize(actor, "annotation.create");
  const data = validate(createAnnotationSchema, input);
  if (data.apply) authorize(actor, "annotation.apply");
  return writeTransaction(async (tx) => {
    const segment = await loadSegment(tx, segmentId);
    const problem = checkSpan(segment.originalText, data.start, data.end, data.quote);
    if (problem) throw new ValidationError(`quote: ${SPAN_MESSAGES[problem]}`, { field: "quote", problem });

    const onSource = isMarkedOnSource(data.category);
    if (onSource !== asBoolean(segment.isSource)) {
      throw new ValidationError(
        onSource ? `category: ${data.category} is marked on the source segment` : `category: ${data.category} is marked on a translation, not on the source`,
        { field: "category" },
      );
    }
    if (data.apply && (onSource || data.suggestion === undefined)) {
      throw new ValidationError("apply: only an annotation with a suggestion on a translation can be applied", { field: "apply" });
    }
    if (data.targetVersionId) {
      const [target] = await sqlRows<{ articleId: string }>(tx, `SELECT "articleId" FROM "version" WHERE "id" = ?`, [data.targetVersionId]);
      if (!target || target.articleId !== segment.articleId) throw new ValidationError("targetVersionId: not a version of this article", { field: "targetVersionId" });
    }

    const now = new Date();
    const annotation: AnnotationView = {
      id: newId(),
      segmentId,
      start: data.start,
      end: data.end,
      quote: data.quote,
      category: data.category,
      severity: data.severity,
      status: "open",
      note: data.note || null,
      suggestion: data.suggestion ?? null,
      origin: "human",
      targetVersionId: data.targetVersionId ?? null,
      appliedRevision: null,
      appliedStart: null,
      appliedEnd: null,
      createdAt: now,
      author: actor.kind === "user" ? { id: actor.id, name: actor.name, email: actor.email } : null,
    };
    await sqlRun(
      tx,
      `INSERT INTO "annotation" ("id", "segmentId", "start", "end", "quote", "category", "severity", "note", "suggestion", "status", "origin", "authorId", "targetVersionId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        annotation.id,
        segmentId,
        annotation.start,
        annotation.end,
        annotation.quote,
        annotation.category,
        annotation.severity,
        annotation.note,
        annotation.suggestion,
        annotation.status,
        annotation.origin,
        annotation.author?.id ?? null,
        annotation.targetVersionId,
        now,
        now,
      ],
    );
    await appendAudit(tx, actor, {
      action: "annotation.create",
      entityType: "annotation",
      entityId: annotation.id,
      articleId: segment.articleId,
      after: { segmentId, start: data.start, end: data.end, quote: data.quote, category: data.category, severity: data.severity, suggestion: data.suggestion },
    });
    if (!data.apply) return { annotation, segment: segmentView(segment) };
    const applied = await applyInTx(tx, actor, { ...annotation, ...segment, id: annotation.id });
    return { annotation: applied.annotation, segment: segmentView({ ...segment, ...applied.segment }) };
  });
}

/** Writes an open annotation's suggestion into the segment's current text. */
export async function applyAnnotation(actor: Actor | null, annotationId: string): Promise<{ annotation: AnnotationView; segment: SegmentView }> {
  authorize(actor, "annotation.apply");
  return writeTransaction(async (tx) => {
    const row = await loadWithSegment(tx, annotationId);
    const applied = await applyInTx(tx, actor, row);
    return { annotation: applied.annotation, segment: segmentView({ ...row, ...applied.segment, id: row.segmentId }) };
  });
}

/** An annotation with its segment (as of now) and its author, in one row. */
interface AnnotationRow extends Omit<AnnotationView, "author" | "createdAt"> {
  createdAt: unknown;
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  versionId: string;
  articleId: string;
  position: number;
  kind: string;
  originalText: string;
  text: string;
  revision: number;
}

function annotationView(row: AnnotationRow | (AnnotationView & Record<string, unknown>)): AnnotationView {
  const author =
    "author" in row ? row.author : row.authorId ? { id: row.authorId, name: row.authorName ?? "", email: row.authorEmail ?? "" } : null;
  return {
    id: row.id,
    segmentId: row.segmentId,
    start: row.start,
    end: row.end,
    quote: row.quote,
    category: row.category,
    severity: row.severity,
    status: row.status,
    note: row.note,
    suggestion: row.suggestion,
    origin: row.origin,
    targetVersionId: row.targetVersionId,
    appliedRevision: row.appliedRevision,
    appliedStart: row.appliedStart,
    appliedEnd: row.appliedEnd,
    createdAt: asDate(row.createdAt),
    author,
  };
}

async function loadWithSegment(tx: Tx, annotationId: string): Promise<AnnotationRow> {
  const [row] = await sqlRows<AnnotationRow>(
    tx,
    `SELECT a."id", a."segmentId", a."start", a."end", a."quote", a."category", a."severity", a."status", a."note", a."suggestion",
            a."origin", a."targetVersionId", a."appliedRevision", a."appliedStart", a."appliedEnd", a."createdAt",
            u."id" AS "authorId", u."name" AS "authorName", u."email" AS "authorEmail",
            s."versionId", s."articleId", s."position", s."kind", s."originalText", s."text", s."revision"
       FROM "annotation" a
       JOIN "segment" s ON s."id" = a."segmentId"
       LEFT JOIN "user" u ON u."id" = a."authorId"
      WHERE a."id" = ?`,
    [annotationId],
  );
  if (!row) throw new NotFoundError(`unknown annotation ${annotationId}`);
  return row;
}

/** The segment part of an annotation row. */
function segmentOf(row: AnnotationRow | (AnnotationView & SegmentRow)): SegmentState & { originalText: string } {
  return { id: row.segmentId, versionId: row.versionId, articleId: row.articleId, position: row.position, originalText: row.originalText, text: row.text, revision: row.revision };
}

async function applyInTx(
  tx: Tx,
  actor: Actor,
  annotation: AnnotationRow | (AnnotationView & SegmentRow),
): Promise<{ annotation: AnnotationView; segment: SegmentState }> {
  if (annotation.status !== "open") throw new ConflictError(`the annotation is ${annotation.status}, not open`, { status: annotation.status });
  if (annotation.suggestion === null || isMarkedOnSource(annotation.category)) {
    throw new ValidationError("only an annotation with a suggestion on a translation can be applied", { field: "suggestion" });
  }
  const segment = segmentOf(annotation);
  // The span is in the original text; later edits may have moved it.
  const span = mapSpan(segment.originalText, segment.text, annotation.start, annotation.end);
  if (!span) {
    throw new ConflictError("the annotated text was changed since it was marked; edit the cell instead", { current: { text: segment.text, revision: segment.revision } });
  }
  const text = segment.text.slice(0, span.start) + annotation.suggestion + segment.text.slice(span.end);
  const state = await writeRevision(tx, actor, segment, text, "apply", annotation.id);
  const applied = { status: "applied", appliedRevision: state.revision, appliedStart: span.start, appliedEnd: span.start + annotation.suggestion.length };
  await sqlRun(
    tx,
    `UPDATE "annotation" SET "status" = ?, "appliedRevision" = ?, "appliedStart" = ?, "appliedEnd" = ?, "updatedAt" = ? WHERE "id" = ?`,
    [applied.status, applied.appliedRevision, applied.appliedStart, applied.appliedEnd, new Date(), annotation.id],
  );
  await appendAudit(tx, actor, {
    action: "annotation.apply",
    entityType: "annotation",
    entityId: annotation.id,
    articleId: segment.articleId,
    before: { status: "open", text: segment.text },
    after: { status: "applied", text },
  });
  return { annotation: annotationView({ ...annotation, ...applied }), segment: state };
}

/**
 * Reverts exactly the replacement an applied annotation made. Later edits
 * elsewhere in the cell are kept; if they touched the replacement itself the
 * revert is refused and nothing changes.
 */
export async function rejectAnnotation(actor: Actor | null, annotationId: string): Promise<{ annotation: AnnotationView; segment: SegmentView }> {
  authorize(actor, "annotation.reject");
  return writeTransaction(async (tx) => {
    const annotation = await loadWithSegment(tx, annotationId);
    if (annotation.status !== "applied" || annotation.appliedRevision === null || annotation.appliedStart === null || annotation.appliedEnd === null) {
      throw new ConflictError(`only an applied annotation can be rejected; this one is ${annotation.status}`, { status: annotation.status });
    }
    const segment = segmentOf(annotation);
    const [applied] = await sqlRows<{ text: string }>(tx, `SELECT "text" FROM "revision" WHERE "segmentId" = ? AND "number" = ?`, [segment.id, annotation.appliedRevision]);
    if (!applied) throw new NotFoundError(`revision ${annotation.appliedRevision} of segment ${segment.id} is missing`);
    const span = mapSpan(applied.text, segment.text, annotation.appliedStart, annotation.appliedEnd);
    if (!span) {
      throw new ConflictError("later edits changed the corrected text, so the correction cannot be reverted automatically; edit the cell instead", {
        current: { text: segment.text, revision: segment.revision },
      });
    }
    const text = segment.text.slice(0, span.start) + annotation.quote + segment.text.slice(span.end);
    const state = await writeRevision(tx, actor, segment, text, "reject", annotation.id);
    await sqlRun(tx, `UPDATE "annotation" SET "status" = ?, "updatedAt" = ? WHERE "id" = ?`, ["rejected", new Date(), annotation.id]);
    await appendAudit(tx, actor, {
      action: "annotation.reject",
      entityType: "annotation",
      entityId: annotation.id,
      articleId: segment.articleId,
      before: { status: "applied", text: segment.text },
      after: { status: "rejected", text },
    });
    return { annotation: annotationView({ ...annotation, status: "rejected" }), segment: segmentView({ ...annotation, ...state }) };
  });
}
