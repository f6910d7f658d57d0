import { preferencesSchema, WORKSPACE_PAGE_SIZE, workspaceQuerySchema, type Layout, type PreferencesInput, type WorkspaceQuery } from "../validation/workspace";
import type { Actor } from "./actor";
import { ANNOTATION_CORE_FIELDS } from "./annotations";
import { authorize } from "./authorize";
import { findingsOfArticle, type VersionFinding } from "./checks";
import { db } from "./db";
import { NotFoundError, ValidationError } from "./errors";
import { containsFilter, containsText } from "./text-search";
import { validate } from "./validate";

export interface WorkspaceAnnotation {
  id: string;
  start: number;
  end: number;
  quote: string;
  category: string;
  severity: string;
  status: string;
  note: string | null;
  suggestion: string | null;
  appliedRevision: number | null;
  appliedStart: number | null;
  appliedEnd: number | null;
  targetVersionId: string | null;
  author: string | null;
  createdAt: string;
}

/** An automatic finding in a cell; offsets into the current text. */
export interface WorkspaceFinding {
  checkId: string;
  start: number;
  end: number;
  level: "error" | "warning";
  message: string;
  suggestion: string | null;
  mqmCategory: string;
  quote: string;
}

export interface WorkspaceCell {
  id: string;
  position: number;
  kind: string;
  /** Absent while the text is unchanged, to keep long pages light: use originalOf(cell) from lib/text/highlights. */
  originalText?: string;
  text: string;
  revision: number;
  reviewedByMe: boolean;
  reviewCount: number;
  annotations: WorkspaceAnnotation[];
  findings: WorkspaceFinding[];
}

export interface VersionProgress {
  total: number;
  reviewed: number;
  open: { major: number; minor: number; neutral: number };
}

export interface WorkspaceVersion {
  id: string;
  lang: string;
  label: string;
  isSource: boolean;
  status: string;
  approval: VersionApproval;
  progress: VersionProgress;
  /** Open automatic findings by level. */
  findingCounts: { error: number; warning: number };
}

/** Who approved a version and when, or why changes were requested. */
export interface VersionApproval {
  approvedBy: string | null;
  approvedAt: string | null;
  overrideReason: string | null;
  statusMessage: string | null;
  statusChangedAt: string | null;
}

export interface Workspace {
  article: { id: string; slug: string; title: string; sourceLang: string };
  versions: WorkspaceVersion[];
  shownVersionIds: string[];
  layout: Layout;
  query: { page: number; open: boolean; unreviewed: boolean; findings: boolean; q: string };
  /** Positions matching the filters, and the page of them shown. */
  matchingCount: number;
  pageCount: number;
  positions: number[];
  cells: Record<string, Record<number, WorkspaceCell>>;
}

function userId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}

/**
 * One page of the review workspace: the shown versions' cells for up to
 * WORKSPACE_PAGE_SIZE positions that match the filters, with annotations,
 * the caller's review marks, and every version's progress.
 */
export async function getWorkspace(actor: Actor | null, slug: string, rawQuery: WorkspaceQuery = {}): Promise<Workspace> {
  authorize(actor, "article.read");
  const query = validate(workspaceQuerySchema, rawQuery);
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      sourceLang: true,
      versions: {
        orderBy: [{ isSource: "desc" }, { lang: "asc" }, { label: "asc" }],
        select: {
          id: true,
          lang: true,
          label: true,
          isSource: true,
          status: true,
          approvedAt: true,
          overrideReason: true,
          statusMessage: true,
          statusChangedAt: true,
          approvedBy: { select: { name: true } },
        },
      },
    },
  });
  if (!article) throw new NotFoundError(`unknown article "${slug}"`);
  const me = userId(actor);

  const preference = me ? await db.workspacePreference.findUnique({ where: { userId_articleId: { userId: me, articleId: article.id } } }) : null;
  const known = new Set(article.versions.map((v) => v.id));
  const targets = article.versions.filter((v) => !v.isSource).map((v) => v.id);
  const saved = Array.isArray(preference?.versionIds) ? (preference.versionIds as string[]).filter((id) => known.has(id)) : null;
  const shownVersionIds = saved ?? targets;
  const sourceIds = article.versions.filter((v) => v.isSource).map((v) => v.id);
  const visible = [...sourceIds, ...shownVersionIds];

  const [progress, allPositions, findings] = await Promise.all([
    versionProgress(article.id, [...known]),
    // GROUP BY in SQL; Prisma's `distinct` would de-duplicate every row in memory.
    // By versionId alone: the (versionId, position) index answers it without reading the rows.
    db.segment.groupBy({ by: ["position"], where: { versionId: { in: visible } }, orderBy: { position: "asc" } }),
    // The grid need not wait for a recomputation after an edit: stale findings of edited cells are dropped.
    findingsOfArticle(article.id, { allowStale: true }),
  ]);
  let matching = allPositions.map((p) => p.position);
  if (query.open) {
    const rows = await db.segment.findMany({
      where: { articleId: article.id, versionId: { in: visible }, annotations: { some: { status: "open" } } },
      select: { position: true },
    });
    const open = new Set(rows.map((r) => r.position));
    matching = matching.filter((p) => open.has(p));
  }
  if (query.unreviewed && me) {
    const rows = await db.segment.findMany({
      where: { articleId: article.id, versionId: { in: shownVersionIds }, reviewMarks: { none: { rater: me } } },
      select: { position: true },
    });
    const unreviewed = new Set(rows.map((r) => r.position));
    matching = matching.filter((p) => unreviewed.has(p));
  }
  if (query.findings) {
    const shown = new Set(shownVersionIds);
    const flagged = new Set(findings.filter((f) => shown.has(f.versionId)).map((f) => f.position));
    matching = matching.filter((p) => flagged.has(p));
  }
  if (query.q) {
    const q = query.q;
    const rows = await db.segment.findMany({ where: { articleId: article.id, versionId: { in: visible }, text: containsFilter(q) }, select: { position: true, text: true } });
    const hits = new Set(rows.filter((r) => containsText(r.text, q)).map((r) => r.position));
    matching = matching.filter((p) => hits.has(p));
  }

  const pageCount = Math.max(1, Math.ceil(matching.length / WORKSPACE_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const positions = matching.slice((page - 1) * WORKSPACE_PAGE_SIZE, page * WORKSPACE_PAGE_SIZE);
  const cells = await loadCells(article.id, visible, positions, me);
  attachFindings(cells, findings);
  const findingCounts = new Map<string, { error: number; warning: number }>();
  for (const f of findings) {
    const counts = findingCounts.get(f.versionId) ?? { error: 0, warning: 0 };
    counts[f.level] += 1;
    findingCounts.set(f.versionId, counts);
  }

  return {
    article: { id: article.id, slug: article.slug, title: article.title, sourceLang: article.sourceLang },
    versions: article.versions.map((v) => ({
      id: v.id,
      lang: v.lang,
      label: v.label,
      isSource: v.isSource,
      status: v.status,
      approval: {
        approvedBy: v.approvedBy?.name ?? null,
        approvedAt: v.approvedAt?.toISOString() ?? null,
        overrideReason: v.overrideReason,
        statusMessage: v.statusMessage,
        statusChangedAt: v.statusChangedAt?.toISOString() ?? null,
      },
      progress: progress.get(v.id) ?? { total: 0, reviewed: 0, open: { major: 0, minor: 0, neutral: 0 } },
      findingCounts: findingCounts.get(v.id) ?? { error: 0, warning: 0 },
    })),
    shownVersionIds,
    layout: preference?.layout === "rows" ? "rows" : "columns",
    query: { ...query, page },
    matchingCount: matching.length,
    pageCount,
    positions,
    cells,
  };
}

/** Puts each finding on its cell, when the cell is on this page and still at the checked revision. */
function attachFindings(cells: Workspace["cells"], findings: VersionFinding[]) {
  for (const f of findings) {
    const cell = cells[f.versionId]?.[f.position];
    if (!cell || f.revision !== cell.revision) continue;
    cell.findings.push({
      checkId: f.checkId,
      start: f.start,
      end: f.end,
      level: f.level,
      message: f.message,
      suggestion: f.suggestion ?? null,
      mqmCategory: f.mqmCategory,
      quote: f.quote,
    });
  }
}

async function loadCells(articleId: string, versionIds: string[], positions: number[], me: string | null) {
  const cells: Workspace["cells"] = {};
  if (positions.length === 0) return cells;
  const first = positions[0];
  const last = positions[positions.length - 1];
  const wanted = new Set(positions);
  const segments = await db.segment.findMany({
    where: { articleId, versionId: { in: versionIds }, position: { gte: first, lte: last } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      versionId: true,
      position: true,
      kind: true,
      originalText: true,
      text: true,
      revision: true,
      _count: { select: { reviewMarks: true } },
      reviewMarks: me ? { where: { rater: me }, select: { id: true } } : false,
      annotations: {
        where: { status: { in: ["open", "applied"] } },
        orderBy: { start: "asc" },
        select: {
          ...ANNOTATION_CORE_FIELDS,
          appliedRevision: true,
          appliedStart: true,
          appliedEnd: true,
          targetVersionId: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  for (const { versionId, _count, reviewMarks, annotations, originalText, ...segment } of segments) {
    if (!wanted.has(segment.position)) continue;
    (cells[versionId] ??= {})[segment.position] = {
      ...segment,
      ...(originalText === segment.text ? {} : { originalText }),
      reviewedByMe: Array.isArray(reviewMarks) && reviewMarks.length > 0,
      reviewCount: _count.reviewMarks,
      annotations: annotations.map(({ author, createdAt, ...a }) => ({ ...a, author: author?.name ?? null, createdAt: createdAt.toISOString() })),
      findings: [],
    };
  }
  return cells;
}

async function versionProgress(articleId: string, versionIds: string[]): Promise<Map<string, VersionProgress>> {
  const [totals, reviewed, open] = await Promise.all([
    // The article's versions by id: counted from the (versionId, position) index alone.
    db.segment.groupBy({ by: ["versionId"], where: { versionId: { in: versionIds } }, _count: { _all: true } }),
    db.segment.groupBy({ by: ["versionId"], where: { articleId, reviewMarks: { some: {} } }, _count: { _all: true } }),
    db.annotation.findMany({ where: { status: "open", segment: { articleId } }, select: { severity: true, targetVersionId: true, segment: { select: { versionId: true } } } }),
  ]);
  const result = new Map<string, VersionProgress>();
  for (const row of totals) result.set(row.versionId, { total: row._count._all, reviewed: 0, open: { major: 0, minor: 0, neutral: 0 } });
  for (const row of reviewed) {
    const entry = result.get(row.versionId);
    if (entry) entry.reviewed = row._count._all;
  }
  for (const annotation of open) {
    // Omissions sit on the source but count against the version that omits.
    const entry = result.get(annotation.targetVersionId ?? annotation.segment.versionId);
    const severity = annotation.severity as keyof VersionProgress["open"];
    if (entry && severity in entry.open) entry.open[severity] += 1;
  }
  return result;
}

/** Remembers which versions a user shows in an article's workspace, and the layout. */
export async function saveWorkspacePreferences(actor: Actor | null, slug: string, input: PreferencesInput): Promise<{ versionIds: string[]; layout: Layout }> {
  authorize(actor, "preference.save");
  const { versionIds, layout } = validate(preferencesSchema, input);
  if (actor.kind !== "user") throw new ValidationError("preferences belong to a user", { field: "user" });
  const article = await db.article.findUnique({ where: { slug }, select: { id: true, versions: { select: { id: true } } } });
  if (!article) throw new NotFoundError(`unknown article "${slug}"`);
  const known = new Set(article.versions.map((v) => v.id));
  const unknown = versionIds.find((id) => !known.has(id));
  if (unknown) throw new ValidationError(`versionIds: ${unknown} is not a version of "${slug}"`, { field: "versionIds" });
  await db.workspacePreference.upsert({
    where: { userId_articleId: { userId: actor.id, articleId: article.id } },
    create: { userId: actor.id, articleId: article.id, versionIds, layout },
    update: { versionIds, layout },
  });
  return { versionIds, layout };
}
