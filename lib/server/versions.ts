import { approveVersionSchema, requestChangesSchema, type ApproveVersionInput, type RequestChangesInput, type VersionStatus } from "../validation/version";
import type { FindingMessageId } from "../checks/messages";
import type { Actor } from "./actor";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db, type Tx } from "./db";
import { unresolvedErrorFindings } from "./checks";
import { ConflictError, NotFoundError } from "./errors";
import { validate } from "./validate";

/** An open annotation that blocks approval: major, or Non-translation of any severity. */
export interface BlockingAnnotation {
  annotationId: string;
  segmentId: string;
  position: number;
  severity: string;
  category: string;
  quote: string;
}

/** An error-level automatic finding nobody has dismissed or annotated yet. */
export interface BlockingFinding {
  checkId: string;
  position: number;
  quote: string;
  message: string;
  messageId: FindingMessageId;
  params: Record<string, string | number>;
  suggestion: string | null;
}

/** What stands between a version and approval (DESIGN.md, "Approval gate"). */
export interface ApprovalGate {
  passes: boolean;
  openAnnotations: BlockingAnnotation[];
  errorFindings: BlockingFinding[];
  unreviewedSegments: { segmentId: string; position: number }[];
}

export interface VersionState {
  id: string;
  status: VersionStatus;
  approvedBy: { name: string; email: string } | null;
  approvedAt: string | null;
  overrideReason: string | null;
  statusMessage: string | null;
  statusChangedAt: string | null;
}

export interface ApproveResult {
  version: VersionState;
  gate: ApprovalGate;
  overridden: boolean;
}

const isBlocking = (a: { severity: string; category: string }) =>
  a.severity === "major" || a.category === "Non-translation" || a.category.startsWith("Non-translation/");

async function gateOf(tx: Tx, versionId: string, errorFindings: BlockingFinding[]): Promise<ApprovalGate> {
  const segments = await tx.segment.findMany({
    where: { versionId },
    orderBy: { position: "asc" },
    select: { id: true, position: true, _count: { select: { reviewMarks: true } } },
  });
  const positionOf = new Map(segments.map((s) => [s.id, s.position]));
  // Annotations on the version's own segments, and omissions marked on the source for this version.
  const open = await tx.annotation.findMany({
    where: { status: "open", OR: [{ segment: { versionId } }, { targetVersionId: versionId }] },
    select: { id: true, segmentId: true, severity: true, category: true, quote: true, segment: { select: { position: true } } },
  });
  const openAnnotations = open
    .filter(isBlocking)
    .map((a) => ({
      annotationId: a.id,
      segmentId: a.segmentId,
      position: positionOf.get(a.segmentId) ?? a.segment.position,
      severity: a.severity,
      category: a.category,
      quote: a.quote,
    }))
    .sort((a, b) => a.position - b.position);
  const unreviewedSegments = segments.filter((s) => s._count.reviewMarks === 0).map((s) => ({ segmentId: s.id, position: s.position }));
  return {
    passes: openAnnotations.length === 0 && errorFindings.length === 0 && unreviewedSegments.length === 0,
    openAnnotations,
    errorFindings,
    unreviewedSegments,
  };
}

/**
 * The checks read through `db` (they may run for a while and are cached), so
 * they run before the gate's transaction opens, never inside it.
 */
async function blockingFindings(versionId: string): Promise<BlockingFinding[]> {
  const version = await db.version.findUnique({ where: { id: versionId }, select: { articleId: true } });
  if (!version) throw new NotFoundError(`unknown version ${versionId}`, { field: "version" });
  return (await unresolvedErrorFindings(version.articleId, versionId)).map((f) => ({
    checkId: f.checkId,
    position: f.position,
    quote: f.quote,
    message: f.message,
    messageId: f.messageId,
    params: f.params,
    suggestion: f.suggestion ?? null,
  }));
}

async function findVersion(tx: Tx, versionId: string) {
  const version = await tx.version.findUnique({ where: { id: versionId }, select: { id: true, articleId: true, status: true, lang: true, label: true } });
  if (!version) throw new NotFoundError(`unknown version ${versionId}`, { field: "version" });
  return version;
}

async function stateOf(tx: Tx, versionId: string): Promise<VersionState> {
  const v = await tx.version.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      id: true,
      status: true,
      approvedAt: true,
      overrideReason: true,
      statusMessage: true,
      statusChangedAt: true,
      approvedBy: { select: { name: true, email: true } },
    },
  });
  return {
    id: v.id,
    status: v.status as VersionStatus,
    approvedBy: v.approvedBy,
    approvedAt: v.approvedAt?.toISOString() ?? null,
    overrideReason: v.overrideReason,
    statusMessage: v.statusMessage,
    statusChangedAt: v.statusChangedAt?.toISOString() ?? null,
  };
}

/** The approval gate of one version, for the approve dialog and the API. */
export async function getApprovalGate(actor: Actor | null, versionId: string): Promise<ApprovalGate> {
  authorize(actor, "article.read");
  const findings = await blockingFindings(versionId);
  return db.$transaction(async (tx) => {
    await findVersion(tx, versionId);
    return gateOf(tx, versionId, findings);
  });
}

/**
 * Approves a version. When the gate fails, approval needs a written override
 * reason; without one this is a 409 whose details list the blockers.
 */
export async function approveVersion(actor: Actor | null, versionId: string, input: ApproveVersionInput = {}): Promise<ApproveResult> {
  authorize(actor, "version.approve");
  const { overrideReason } = validate(approveVersionSchema, input);
  const findings = await blockingFindings(versionId);
  return db.$transaction(async (tx) => {
    const version = await findVersion(tx, versionId);
    if (version.status === "approved") throw new ConflictError(`${version.lang} "${version.label}" is already approved`, { status: version.status });
    const gate = await gateOf(tx, versionId, findings);
    if (!gate.passes && !overrideReason) {
      throw new ConflictError(
        `approval is blocked: ${gate.openAnnotations.length} open major or non-translation annotation(s), ` +
          `${gate.errorFindings.length} unresolved error-level finding(s), ` +
          `${gate.unreviewedSegments.length} unreviewed segment(s); give an override reason to approve anyway`,
        { gate },
      );
    }
    const overridden = !gate.passes;
    const now = new Date();
    await tx.version.update({
      where: { id: versionId },
      data: {
        status: "approved",
        approvedById: actor.kind === "user" ? actor.id : null,
        approvedAt: now,
        overrideReason: overridden ? overrideReason : null,
        statusMessage: null,
        statusChangedAt: now,
      },
    });
    await appendAudit(tx, actor, {
      action: "version.approve",
      entityType: "version",
      entityId: versionId,
      articleId: version.articleId,
      before: { status: version.status },
      after: {
        status: "approved",
        ...(overridden ? { blockers: {
                openAnnotations: gate.openAnnotations.length,
                errorFindings: gate.errorFindings.length,
                unreviewedSegments: gate.unreviewedSegments.length,
              } } : {}),
      },
      reason: overridden ? overrideReason : null,
    });
    return { version: await stateOf(tx, versionId), gate, overridden };
  });
}

/** Sends a version back to the translators with a message; it also withdraws an approval. */
export async function requestChanges(actor: Actor | null, versionId: string, input: RequestChangesInput): Promise<VersionState> {
  authorize(actor, "version.requestChanges");
  const { message } = validate(requestChangesSchema, input);
  return db.$transaction(async (tx) => {
    const version = await findVersion(tx, versionId);
    await tx.version.update({
      where: { id: versionId },
      data: { status: "changes_requested", statusMessage: message, statusChangedAt: new Date(), approvedById: null, approvedAt: null, overrideReason: null },
    });
    await appendAudit(tx, actor, {
      action: "version.requestChanges",
      entityType: "version",
      entityId: versionId,
      articleId: version.articleId,
      before: { status: version.status },
      after: { status: "changes_requested", message },
      reason: message,
    });
    return stateOf(tx, versionId);
  });
}
