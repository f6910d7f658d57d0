import type { AuditAction, AuditEntity } from "../audit/vocabulary";
import type { Actor } from "./actor";
import { actorLabel } from "./actor";
import { orderedIds } from "./bulk-insert";
import type { Tx } from "./db";
import { json, sqlRun } from "./sql";

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntity;
  entityId?: string | null;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

// Ids of new events: time-ordered, unique across processes.
const newId = orderedIds();

/** Appends one event to the audit log inside the caller's transaction. */
export async function appendAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await sqlRun(
    tx,
    `INSERT INTO "audit_event" ("id", "at", "actorId", "actorLabel", "action", "entityType", "entityId", "articleId", "before", "after", "reason")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      newId(),
      new Date(),
      actor.kind === "user" ? actor.id : null,
      actorLabel(actor),
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.articleId ?? null,
      json(entry.before),
      json(entry.after),
      entry.reason ?? null,
    ],
  );
}
