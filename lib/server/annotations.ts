import { isMarkedOnSource } from "../mqm/taxonomy";
import { mapSpan } from "../text/diff";
import { checkSpan, type SpanProblem } from "../text/spans";
import { createAnnotationSchema, type CreateAnnotationInput } from "../validation/annotation";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { writeRevision, type SegmentState } from "./revisions";
import { validate } from "./validate";

const SPAN_MESSAGES: Record<SpanProblem, string> = {
  out_of_range: "the span is outside the segment (a span may not cross into another segment)",
  empty: "the span is empty",
  splits_character: "the span cuts a character in half (UTF-16 surrogate pair)",
  quote_mismatch: "the quote does not match the text at these offsets",
};

/** The fields every view of an annotation carries. */
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

const ANNOTATION_FIELDS = {
  ...ANNOTATION_CORE_FIELDS,
  segmentId: true,
  origin: true,
  targetVersionId: true,
  appliedRevision: true,
  appliedStart: true,
  appliedEnd: true,
  createdAt: true,
  author: { select: { id: true, name: true, email: true } },
} as const;

const SEGMENT_FIELDS = { id: true, versionId: true, articleId: true, position: true, kind: true, originalText: true, text: true, revision: true } as const;

export type AnnotationView = Awaited<ReturnType<typeof loadAnnotation>>;
export type SegmentView = { id: string; versionId: string; position: number; kind: string; originalText: string; text: string; revision: number };

function loadAnnotation(tx: Tx, id: string) {
  return tx.annotation.findUniqueOrThrow({ where: { id }, select: ANNOTATION_FIELDS });
}

async function loadSegment(tx: Tx, id: string) {
  const segment = await tx.segment.findUnique({ where: { id }, select: { ...SEGMENT_FIELDS, version: { select: { isSource: true, articleId: true } } } });
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
  return db.$transaction(async (tx) => {
    const segment = await loadSegment(tx, segmentId);
    const problem = checkSpan(segment.originalText, data.start, data.end, data.quote);
    if (problem) throw new ValidationError(`quote: ${SPAN_MESSAGES[problem]}`, { field: "quote", problem });

    const onSource = isMarkedOnSource(data.category);
    if (onSource !== segment.version.isSource) {
      throw new ValidationError(
        onSource ? `category: ${data.category} is marked on the source segment` : `category: ${data.category} is marked on a translation, not on the source`,
        { field: "category" },
      );
    }
    if (data.apply && (onSource || data.suggestion === undefined)) {
      throw new ValidationError("apply: only an annotation with a suggestion on a translation can be applied", { field: "apply" });
    }
    if (data.targetVersionId) {
      const target = await tx.version.findUnique({ where: { id: data.targetVersionId }, select: { articleId: true } });
      if (!target || target.articleId !== segment.articleId) throw new ValidationError("targetVersionId: not a version of this article", { field: "targetVersionId" });
    }

    const created = await tx.annotation.create({
      data: {
        segmentId,
        start: data.start,
        end: data.end,
        quote: data.quote,
        category: data.category,
        severity: data.severity,
        note: data.note || null,
        suggestion: data.suggestion ?? null,
        targetVersionId: data.targetVersionId ?? null,
        authorId: actor.kind === "user" ? actor.id : null,
      },
      select: { id: true },
    });
    await appendAudit(tx, actor, {
      action: "annotation.create",
      entityType: "annotation",
      entityId: created.id,
      articleId: segment.articleId,
      after: { segmentId, start: data.start, end: data.end, quote: data.quote, category: data.category, severity: data.severity, suggestion: data.suggestion },
    });
    let state: SegmentState = segment;
    if (data.apply) state = await applyInTx(tx, actor, created.id);
    return { annotation: await loadAnnotation(tx, created.id), segment: segmentView({ ...segment, ...state }) };
  });
}

/** Writes an open annotation's suggestion into the segment's current text. */
export async function applyAnnotation(actor: Actor | null, annotationId: string): Promise<{ annotation: AnnotationView; segment: SegmentView }> {
  authorize(actor, "annotation.apply");
  return db.$transaction(async (tx) => {
    const state = await applyInTx(tx, actor, annotationId);
    const segment = await loadSegment(tx, state.id);
    return { annotation: await loadAnnotation(tx, annotationId), segment: segmentView(segment) };
  });
}

async function loadWithSegment(tx: Tx, annotationId: string) {
  const annotation = await tx.annotation.findUnique({ where: { id: annotationId }, include: { segment: { select: SEGMENT_FIELDS } } });
  if (!annotation) throw new NotFoundError(`unknown annotation ${annotationId}`);
  return annotation;
}

async function applyInTx(tx: Tx, actor: Actor, annotationId: string): Promise<SegmentState> {
  const annotation = await loadWithSegment(tx, annotationId);
  if (annotation.status !== "open") throw new ConflictError(`the annotation is ${annotation.status}, not open`, { status: annotation.status });
  if (annotation.suggestion === null || isMarkedOnSource(annotation.category)) {
    throw new ValidationError("only an annotation with a suggestion on a translation can be applied", { field: "suggestion" });
  }
  const segment = annotation.segment;
  // The span is in the original text; later edits may have moved it.
  const span = mapSpan(segment.originalText, segment.text, annotation.start, annotation.end);
  if (!span) {
    throw new ConflictError("the annotated text was changed since it was marked; edit the cell instead", { current: { text: segment.text, revision: segment.revision } });
  }
  const text = segment.text.slice(0, span.start) + annotation.suggestion + segment.text.slice(span.end);
  const state = await writeRevision(tx, actor, segment, text, "apply", annotation.id);
  await tx.annotation.update({
    where: { id: annotation.id },
    data: { status: "applied", appliedRevision: state.revision, appliedStart: span.start, appliedEnd: span.start + annotation.suggestion.length },
  });
  await appendAudit(tx, actor, {
    action: "annotation.apply",
    entityType: "annotation",
    entityId: annotation.id,
    articleId: segment.articleId,
    before: { status: "open", text: segment.text },
    after: { status: "applied", text },
  });
  return state;
}

/**
 * Reverts exactly the replacement an applied annotation made. Later edits
 * elsewhere in the cell are kept; if they touched the replacement itself the
 * revert is refused and nothing changes.
 */
export async function rejectAnnotation(actor: Actor | null, annotationId: string): Promise<{ annotation: AnnotationView; segment: SegmentView }> {
  authorize(actor, "annotation.reject");
  return db.$transaction(async (tx) => {
    const annotation = await loadWithSegment(tx, annotationId);
    if (annotation.status !== "applied" || annotation.appliedRevision === null || annotation.appliedStart === null || annotation.appliedEnd === null) {
      throw new ConflictError(`only an applied annotation can be rejected; this one is ${annotation.status}`, { status: annotation.status });
    }
    const segment = annotation.segment;
    const applied = await tx.revision.findUniqueOrThrow({
      where: { segmentId_number: { segmentId: segment.id, number: annotation.appliedRevision } },
      select: { text: true },
    });
    const span = mapSpan(applied.text, segment.text, annotation.appliedStart, annotation.appliedEnd);
    if (!span) {
      throw new ConflictError("later edits changed the corrected text, so the correction cannot be reverted automatically; edit the cell instead", {
        current: { text: segment.text, revision: segment.revision },
      });
    }
    const text = segment.text.slice(0, span.start) + annotation.quote + segment.text.slice(span.end);
    const state = await writeRevision(tx, actor, segment, text, "reject", annotation.id);
    await tx.annotation.update({ where: { id: annotation.id }, data: { status: "rejected" } });
    await appendAudit(tx, actor, {
      action: "annotation.reject",
      entityType: "annotation",
      entityId: annotation.id,
      articleId: segment.articleId,
      before: { status: "applied", text: segment.text },
      after: { status: "rejected", text },
    });
    return { annotation: await loadAnnotation(tx, annotation.id), segment: segmentView({ ...segment, ...state }) };
  });
}
