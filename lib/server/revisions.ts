import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import type { Tx } from "./db";
import { orderedIds } from "./bulk-insert";
import { ConflictError, NotFoundError } from "./errors";
import { sqlRows, sqlRun } from "./sql";

// Ids of new revisions: time-ordered, unique across processes.
const newId = orderedIds();

let checksModule: Promise<typeof import("./checks")> | undefined;

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
  const now = new Date();
  const updated = await sqlRun(tx, `UPDATE "segment" SET "text" = ?, "revision" = ?, "updatedAt" = ? WHERE "id" = ? AND "revision" = ?`, [
    text,
    next,
    now,
    segment.id,
    segment.revision,
  ]);
  if (updated !== 1) {
    const [current] = await sqlRows<{ text: string; revision: number }>(tx, `SELECT "text", "revision" FROM "segment" WHERE "id" = ?`, [segment.id]);
    if (!current) throw new NotFoundError(`unknown segment ${segment.id}`);
    throw new ConflictError("the segment changed in the meantime", { current });
  }
  await sqlRun(
    tx,
    `INSERT INTO "revision" ("id", "segmentId", "number", "text", "cause", "baseRevision", "authorId", "annotationId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [newId(), segment.id, next, text, cause, segment.revision, actor.kind === "user" ? actor.id : null, annotationId, now],
  );
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
  void (checksModule ??= import("./checks")).then((checks) => checks.scheduleChecks(segment.articleId));
  return { ...segment, text, revision: next };
}

async function reopenIfApproved(tx: Tx, actor: Actor, segment: SegmentState, cause: RevisionCause) {
  const now = new Date();
  // The approval no longer describes this text; the audit log keeps it.
  const reopened = await sqlRun(
    tx,
    `UPDATE "version" SET "status" = 'in_review', "statusChangedAt" = ?, "approvedById" = NULL, "approvedAt" = NULL, "overrideReason" = NULL, "updatedAt" = ?
      WHERE "id" = ? AND "status" = 'approved'`,
    [now, now, segment.versionId],
  );
  if (reopened > 0) {
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
