import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import type { Tx } from "./db";
import { ConflictError } from "./errors";

export type RevisionCause = "edit" | "apply" | "reject" | "fix-everywhere" | "import" | "restore";

export interface SegmentState {
  id: string;
  versionId: string;
  articleId: string;
  position: number;
  text: string;
  revision: number;
}

/**
 * Writes a new text as the next revision, guarded by the revision it was based
 * on: a concurrent writer makes this a 409 instead of a lost update. A change
 * to an approved version sends it back to review, and the audit log says why.
 */
export async function writeRevision(
  tx: Tx,
  actor: Actor,
  segment: SegmentState,
  text: string,
  cause: RevisionCause,
  annotationId: string | null = null,
): Promise<SegmentState> {
  const next = segment.revision + 1;
  const updated = await tx.segment.updateMany({
    where: { id: segment.id, revision: segment.revision },
    data: { text, revision: next },
  });
  if (updated.count !== 1) {
    const current = await tx.segment.findUniqueOrThrow({ where: { id: segment.id }, select: { text: true, revision: true } });
    throw new ConflictError("the segment changed in the meantime", { current });
  }
  await tx.revision.create({
    data: {
      segmentId: segment.id,
      number: next,
      text,
      cause,
      baseRevision: segment.revision,
      authorId: actor.kind === "user" ? actor.id : null,
      annotationId,
    },
  });
  await appendAudit(tx, actor, {
    action: `segment.${cause}`,
    entityType: "segment",
    entityId: segment.id,
    articleId: segment.articleId,
    before: { text: segment.text, revision: segment.revision },
    after: { text, revision: next },
  });
  await reopenIfApproved(tx, actor, segment, cause);
  // Re-check the article once this (and any write batched with it) has settled; imported lazily, as checks.ts uses this module.
  void import("./checks").then((checks) => checks.scheduleChecks(segment.articleId));
  return { ...segment, text, revision: next };
}

async function reopenIfApproved(tx: Tx, actor: Actor, segment: SegmentState, cause: RevisionCause) {
  const reopened = await tx.version.updateMany({
    where: { id: segment.versionId, status: "approved" },
    // The approval no longer describes this text; the audit log keeps it.
    data: { status: "in_review", statusChangedAt: new Date(), approvedById: null, approvedAt: null, overrideReason: null },
  });
  if (reopened.count > 0) {
    await appendAudit(tx, actor, {
      action: "version.reopen",
      entityType: "version",
      entityId: segment.versionId,
      articleId: segment.articleId,
      before: { status: "approved" },
      after: { status: "in_review" },
      reason: `text changed (${cause}) at position ${segment.position}`,
    });
  }
}
