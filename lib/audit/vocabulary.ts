// What the audit log records: every action and entity type lib/server writes, and the
// fields their before/after snapshots hold. The admin screen shows each in the reader's
// language (locales: admin.audit.actions, .entities, .fields), with the code beside it.

export const AUDIT_ACTIONS = [
  "annotation.create",
  "annotation.apply",
  "annotation.reject",
  "article.create",
  "check.dismiss",
  "fix-everywhere",
  "glossary.create",
  "glossary.update",
  "glossary.delete",
  "glossary.import",
  "mqm.import",
  "mqm.reimport",
  "segment.edit",
  "segment.apply",
  "segment.reject",
  "segment.fix-everywhere",
  "segment.import",
  "segment.restore",
  "segment.review",
  "segment.unreview",
  "token.create",
  "token.revoke",
  "user.create",
  "user.role",
  "user.deactivate",
  "user.reactivate",
  "version.import",
  "version.replace",
  "version.approve",
  "version.requestChanges",
  "version.reopen",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = ["annotation", "apikey", "article", "checkDismissal", "glossary", "glossaryTerm", "segment", "user", "version"] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Keys the snapshots use; an unknown one (from an older release) is shown as it is. */
export const AUDIT_FIELDS = [
  "annotationIds",
  "annotations",
  "apiKeysDisabled",
  "article",
  "blockers",
  "canonical",
  "category",
  "checkId",
  "created",
  "deactivatedAt",
  "email",
  "enabled",
  "end",
  "file",
  "format",
  "from",
  "isSource",
  "label",
  "lang",
  "name",
  "note",
  "occurrences",
  "position",
  "quote",
  "replace",
  "revision",
  "role",
  "segmentId",
  "segments",
  "sessionsEnded",
  "severity",
  "slug",
  "sourceAnnotationId",
  "sourceLang",
  "start",
  "status",
  "suggestion",
  "text",
  "title",
  "to",
  "unchanged",
  "updated",
  "userId",
  "variants",
  "versionId",
  "versions",
  "via",
] as const;

/** An action as a locale key path: "version.requestChanges" → actions.version.requestChanges ("fix-everywhere" has no group). */
export function actionKey(action: string): string {
  return `actions.${action}`;
}
