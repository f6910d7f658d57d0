import type { Actor } from "./actor";
import { actorLabel } from "./actor";
import type { Tx } from "./db";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Appends one event to the audit log inside the caller's transaction. */
export async function appendAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.kind === "user" ? actor.id : null,
      actorLabel: actorLabel(actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      articleId: entry.articleId ?? null,
      before: entry.before === undefined ? undefined : (entry.before as object),
      after: entry.after === undefined ? undefined : (entry.after as object),
      reason: entry.reason ?? null,
    },
  });
}
