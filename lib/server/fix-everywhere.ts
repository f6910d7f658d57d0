import { mapSpan } from "../text/diff";
import { findOccurrences, occurrenceContext, spanInOriginal, type OccurrenceContext } from "../text/occurrences";
import { fixEverywhereSchema, occurrencesQuerySchema, type FixEverywhereInput, type OccurrencesQuery } from "../validation/fix-everywhere";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { writeRevision, type SegmentState } from "./revisions";
import { validate } from "./validate";

/** How many occurrences one listing returns at most; `truncated` says when there were more. */
export const MAX_LISTED_OCCURRENCES = 1000;

export interface FoundOccurrence {
  segmentId: string;
  articleSlug: string;
  articleTitle: string;
  versionId: string;
  lang: string;
  label: string;
  position: number;
  revision: number;
  /** UTF-16 offsets into the segment's current text. */
  start: number;
  end: number;
  context: OccurrenceContext;
  /** This is the span of the annotation the search started from (it is known to be wrong). */
  sourceAnnotation: boolean;
}

export interface FixConflict {
  segmentId: string;
  articleSlug: string;
  lang: string;
  label: string;
  position: number;
  start: number;
  reason: "revision" | "text";
  baseRevision: number;
  current: { text: string; revision: number };
}

const SEGMENT_FIELDS = {
  id: true,
  versionId: true,
  articleId: true,
  position: true,
  originalText: true,
  text: true,
  revision: true,
  version: { select: { isSource: true, lang: true, label: true } },
  article: { select: { slug: true, title: true } },
} as const;

/** The current span of an open annotation, for marking it in the list. */
async function openAnnotationSpan(annotationId: string | undefined) {
  if (!annotationId) return null;
  const annotation = await db.annotation.findUnique({
    where: { id: annotationId },
    select: { segmentId: true, start: true, end: true, status: true, segment: { select: { originalText: true, text: true } } },
  });
  if (!annotation) throw new NotFoundError(`unknown annotation ${annotationId}`);
  if (annotation.status !== "open") return null;
  const span = mapSpan(annotation.segment.originalText, annotation.segment.text, annotation.start, annotation.end);
  return span ? { segmentId: annotation.segmentId, ...span } : null;
}

/**
 * Every whole-word occurrence of a wrong form in the translations of one
 * article (or of all articles), with context, for a person to tick.
 */
export async function listFixOccurrences(
  actor: Actor | null,
  query: OccurrencesQuery,
): Promise<{ from: string; occurrences: FoundOccurrence[]; truncated: boolean }> {
  authorize(actor, "article.read");
  const q = validate(occurrencesQuerySchema, query);
  const article = await db.article.findUnique({ where: { slug: q.article }, select: { id: true } });
  if (!article) throw new NotFoundError(`unknown article ${q.article}`);
  const marked = await openAnnotationSpan(q.annotation);

  // SQLite's LIKE is a superset here (case-insensitive for ASCII); findOccurrences decides.
  const segments = await db.segment.findMany({
    where: { ...(q.allArticles ? {} : { articleId: article.id }), text: { contains: q.from }, version: { isSource: false } },
    select: SEGMENT_FIELDS,
  });
  const ordered = segments.sort(
    (a, b) =>
      Number(b.articleId === article.id) - Number(a.articleId === article.id) ||
      a.article.title.localeCompare(b.article.title) ||
      a.articleId.localeCompare(b.articleId) ||
      a.version.lang.localeCompare(b.version.lang) ||
      a.version.label.localeCompare(b.version.label) ||
      a.position - b.position,
  );
  const occurrences: FoundOccurrence[] = [];
  for (const segment of ordered) {
    for (const span of findOccurrences(segment.text, q.from)) {
      if (occurrences.length === MAX_LISTED_OCCURRENCES) return { from: q.from, occurrences, truncated: true };
      occurrences.push({
        segmentId: segment.id,
        articleSlug: segment.article.slug,
        articleTitle: segment.article.title,
        versionId: segment.versionId,
        lang: segment.version.lang,
        label: segment.version.label,
        position: segment.position,
        revision: segment.revision,
        start: span.start,
        end: span.end,
        context: occurrenceContext(segment.text, span),
        sourceAnnotation: marked !== null && marked.segmentId === segment.id && marked.start === span.start && marked.end === span.end,
      });
    }
  }
  return { from: q.from, occurrences, truncated: false };
}

type LoadedSegment = Awaited<ReturnType<typeof loadSegments>>[number];

async function loadSegments(tx: Tx, ids: string[]) {
  const segments = await tx.segment.findMany({ where: { id: { in: ids } }, select: SEGMENT_FIELDS });
  for (const id of ids) {
    const segment = segments.find((s) => s.id === id);
    if (!segment) throw new NotFoundError(`unknown segment ${id}`, { segmentId: id });
    if (segment.version.isSource) throw new ValidationError(`segment ${id} belongs to the source; Fix everywhere corrects translations`, { field: "occurrences", segmentId: id });
  }
  return segments;
}

function describe(conflict: FixConflict, from: string): string {
  const where = `segment ${conflict.segmentId} (${conflict.articleSlug}, ${conflict.lang} · ${conflict.label}, position ${conflict.position})`;
  return conflict.reason === "revision"
    ? `${where} changed since the occurrences were listed: it is at revision ${conflict.current.revision}, not ${conflict.baseRevision}`
    : `${where} no longer has "${from}" at offset ${conflict.start}`;
}

export interface FixEverywhereResult {
  applied: { annotationId: string; segmentId: string; revision: number; start: number; end: number; created: boolean }[];
  segments: { id: string; text: string; revision: number }[];
}

/**
 * Replaces the ticked occurrences of a wrong form in one transaction: per
 * occurrence one applied annotation (offsets into the original text, like
 * every annotation) and one revision with cause "fix-everywhere", so each can
 * be rejected on its own. Any stale or moved occurrence makes it a 409 and
 * nothing is written.
 */
export async function fixEverywhere(actor: Actor | null, input: FixEverywhereInput): Promise<FixEverywhereResult> {
  authorize(actor, "annotation.apply");
  const data = validate(fixEverywhereSchema, input);
  const ids = [...new Set(data.occurrences.map((o) => o.segmentId))];
  return db.$transaction(
    async (tx) => {
      const segments = await loadSegments(tx, ids);
      const byId = new Map(segments.map((s) => [s.id, s]));
      const conflicts: FixConflict[] = [];
      for (const o of data.occurrences) {
        const segment = byId.get(o.segmentId)!;
        const base = { segmentId: segment.id, articleSlug: segment.article.slug, lang: segment.version.lang, label: segment.version.label, position: segment.position, start: o.start, baseRevision: o.baseRevision, current: { text: segment.text, revision: segment.revision } };
        if (segment.revision !== o.baseRevision) conflicts.push({ ...base, reason: "revision" });
        else if (segment.text.slice(o.start, o.end) !== data.from) conflicts.push({ ...base, reason: "text" });
        else if (!findOccurrences(segment.text, data.from).some((span) => span.start === o.start)) {
          throw new ValidationError(`occurrences: "${data.from}" at offset ${o.start} of segment ${segment.id} is part of a longer word`, { field: "occurrences", segmentId: segment.id });
        }
      }
      if (conflicts.length > 0) {
        const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : "";
        throw new ConflictError(`${describe(conflicts[0], data.from)}${more}; nothing was changed, list the occurrences again`, { conflicts });
      }

      const source = data.sourceAnnotationId
        ? await tx.annotation.findUnique({ where: { id: data.sourceAnnotationId }, select: { id: true, segmentId: true, start: true, end: true, quote: true, suggestion: true, status: true } })
        : null;
      if (data.sourceAnnotationId && !source) throw new NotFoundError(`unknown annotation ${data.sourceAnnotationId}`);

      const result: FixEverywhereResult = { applied: [], segments: [] };
      for (const segment of segments) {
        // Right to left: each replacement leaves the offsets of those before it valid.
        const mine = data.occurrences.filter((o) => o.segmentId === segment.id).sort((a, b) => b.start - a.start);
        let state: SegmentState = segment;
        for (const o of mine) {
          const reuse = source !== null && isSourceSpan(source, segment, o, data.from, data.to);
          const annotationId = reuse ? source.id : await createApplied(tx, actor, segment, o, data, state.revision + 1);
          const text = state.text.slice(0, o.start) + data.to + state.text.slice(o.end);
          state = await writeRevision(tx, actor, state, text, "fix-everywhere", annotationId);
          if (reuse) await markSourceApplied(tx, actor, segment, annotationId, state.revision, o.start, o.start + data.to.length);
          result.applied.push({ annotationId, segmentId: segment.id, revision: state.revision, start: o.start, end: o.start + data.to.length, created: !reuse });
        }
        result.segments.push({ id: segment.id, text: state.text, revision: state.revision });
      }

      for (const articleId of new Set(segments.map((s) => s.articleId))) {
        const here = result.applied.filter((a) => byId.get(a.segmentId)!.articleId === articleId);
        await appendAudit(tx, actor, {
          action: "fix-everywhere",
          entityType: "article",
          entityId: articleId,
          articleId,
          after: { from: data.from, to: data.to, occurrences: here.length, annotationIds: here.map((a) => a.annotationId), sourceAnnotationId: data.sourceAnnotationId ?? null },
        });
      }
      return result;
    },
    { timeout: 60_000 },
  );
}

type Source = { id: string; segmentId: string; start: number; end: number; quote: string; suggestion: string | null; status: string };

/** Whether an occurrence is exactly the open annotation the fix started from: then that one is applied, not duplicated. */
function isSourceSpan(source: Source, segment: LoadedSegment, o: { start: number; end: number }, from: string, to: string): boolean {
  if (source.status !== "open" || source.segmentId !== segment.id || source.quote !== from || source.suggestion !== to) return false;
  const span = mapSpan(segment.originalText, segment.text, source.start, source.end);
  return span !== null && span.start === o.start && span.end === o.end;
}

async function createApplied(
  tx: Tx,
  actor: Actor,
  segment: LoadedSegment,
  o: { start: number; end: number },
  data: { from: string; to: string; category: string; severity: string; note?: string },
  revision: number,
): Promise<string> {
  // Offsets live in the original text; a form an edit typed in gets an empty anchor there (reject uses the applied span).
  const span = spanInOriginal(segment.originalText, segment.text, o.start, o.end);
  const created = await tx.annotation.create({
    data: {
      segmentId: segment.id,
      start: span.start,
      end: span.end,
      quote: data.from,
      category: data.category,
      severity: data.severity,
      note: data.note || null,
      suggestion: data.to,
      status: "applied",
      origin: "human",
      authorId: actor.kind === "user" ? actor.id : null,
      appliedRevision: revision,
      appliedStart: o.start,
      appliedEnd: o.start + data.to.length,
    },
    select: { id: true },
  });
  await appendAudit(tx, actor, {
    action: "annotation.create",
    entityType: "annotation",
    entityId: created.id,
    articleId: segment.articleId,
    after: { segmentId: segment.id, start: span.start, end: span.end, quote: data.from, category: data.category, severity: data.severity, suggestion: data.to, status: "applied", via: "fix-everywhere" },
  });
  return created.id;
}

async function markSourceApplied(tx: Tx, actor: Actor, segment: LoadedSegment, annotationId: string, revision: number, start: number, end: number) {
  await tx.annotation.update({ where: { id: annotationId }, data: { status: "applied", appliedRevision: revision, appliedStart: start, appliedEnd: end } });
  await appendAudit(tx, actor, {
    action: "annotation.apply",
    entityType: "annotation",
    entityId: annotationId,
    articleId: segment.articleId,
    before: { status: "open" },
    after: { status: "applied", via: "fix-everywhere" },
  });
}
