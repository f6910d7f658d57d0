import { editTextSchema, restoreRevisionSchema, reviewMarkSchema, type EditTextInput } from "../validation/annotation";
import type { Actor } from "./actor";
import type { SegmentView } from "./annotations";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db, type Tx } from "./db";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { writeRevision } from "./revisions";
import { sqlRows, writeTransaction } from "./sql";
import { validate } from "./validate";

type SegmentRow = SegmentView & { articleId: string };

// Plain SQL: it also runs in writeTransaction, whose transaction has no model queries.
async function loadSegment(tx: Tx, id: string): Promise<SegmentRow> {
  const [segment] = await sqlRows<SegmentRow>(
    tx,
    `SELECT "id", "versionId", "articleId", "position", "kind", "originalText", "text", "revision" FROM "segment" WHERE "id" = ?`,
    [id],
  );
  if (!segment) throw new NotFoundError(`unknown segment ${id}`);
  return segment;
}

function staleBase(segment: { text: string; revision: number }, baseRevision: number): ConflictError {
  return new ConflictError(`the segment is at revision ${segment.revision}, not ${baseRevision}: someone changed it in the meantime`, {
    current: { text: segment.text, revision: segment.revision },
  });
}

/** Replaces a segment's whole text; a stale base revision is a 409 carrying the current text. */
export async function editSegmentText(actor: Actor | null, segmentId: string, input: EditTextInput) {
  authorize(actor, "segment.edit");
  const { text, baseRevision } = validate(editTextSchema, input);
  return writeTransaction(async (tx) => {
    const segment = await loadSegment(tx, segmentId);
    if (segment.revision !== baseRevision) throw staleBase(segment, baseRevision);
    if (segment.text === text) return segment;
    const state = await writeRevision(tx, actor, segment, text, "edit");
    return { ...segment, ...state };
  });
}

/** Makes a past revision's text current again, as a new revision. */
export async function restoreRevision(actor: Actor | null, segmentId: string, input: { number: number; baseRevision: number }) {
  authorize(actor, "segment.edit");
  const { number, baseRevision } = validate(restoreRevisionSchema, input);
  return db.$transaction(async (tx) => {
    const segment = await loadSegment(tx, segmentId);
    if (segment.revision !== baseRevision) throw staleBase(segment, baseRevision);
    const past = await tx.revision.findUnique({ where: { segmentId_number: { segmentId, number } }, select: { text: true } });
    if (!past) throw new NotFoundError(`segment has no revision ${number}`);
    if (past.text === segment.text) return segment;
    const state = await writeRevision(tx, actor, segment, past.text, "restore");
    return { ...segment, ...state };
  });
}

/** Records (or withdraws) the signed-in user's review of a segment. */
export async function setReviewMark(actor: Actor | null, segmentId: string, input: { reviewed?: boolean } = {}) {
  authorize(actor, "segment.review");
  const { reviewed } = validate(reviewMarkSchema, input);
  if (actor.kind !== "user") throw new ValidationError("a review mark belongs to a user; sign in or use a token", { field: "rater" });
  return db.$transaction(async (tx) => {
    const segment = await loadSegment(tx, segmentId);
    const existing = await tx.reviewMark.findUnique({ where: { segmentId_rater: { segmentId, rater: actor.id } } });
    if (reviewed && !existing) await tx.reviewMark.create({ data: { segmentId, rater: actor.id, userId: actor.id } });
    if (!reviewed && existing) await tx.reviewMark.delete({ where: { id: existing.id } });
    if (reviewed !== Boolean(existing)) {
      await appendAudit(tx, actor, {
        action: reviewed ? "segment.review" : "segment.unreview",
        entityType: "segment",
        entityId: segmentId,
        articleId: segment.articleId,
      });
    }
    return { segmentId, reviewed };
  });
}

/** Every revision of a segment, newest first, with authors. */
export async function listRevisions(actor: Actor | null, segmentId: string) {
  authorize(actor, "article.read");
  const segment = await db.segment.findUnique({ where: { id: segmentId }, select: { id: true, revision: true } });
  if (!segment) throw new NotFoundError(`unknown segment ${segmentId}`);
  const revisions = await db.revision.findMany({
    where: { segmentId },
    orderBy: { number: "desc" },
    select: {
      number: true,
      text: true,
      cause: true,
      baseRevision: true,
      createdAt: true,
      annotationId: true,
      author: { select: { name: true, email: true } },
    },
  });
  return { segmentId, revision: segment.revision, revisions };
}
