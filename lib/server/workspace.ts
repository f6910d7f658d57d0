import {
  firstRowCount,
  preferencesSchema,
  WORKSPACE_PAGE_SIZE,
  workspaceQuerySchema,
  workspaceRowsSchema,
  type Layout,
  type PreferencesInput,
  type WorkspaceQuery,
  type WorkspaceRowsInput,
} from "../validation/workspace";
import type { FindingMessageId } from "../checks/messages";
import type { Actor } from "./actor";
import type { AnnotationCore } from "./annotations";
import { authorize } from "./authorize";
import { findingsOfArticle, type VersionFinding } from "./checks";
import { db } from "./db";
import { NotFoundError, ValidationError } from "./errors";
import { asDate, marks, readSnapshot, sqlQuery, sqlRows } from "./sql";
import { containsFilter, containsText } from "./text-search";
import { validate } from "./validate";

export interface WorkspaceAnnotation extends AnnotationCore {
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
  messageId: FindingMessageId;
  params: Record<string, string | number>;
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
  /** The cells of the page's rows, or of its first `loadedRows` (the browser then asks for the rest: getWorkspaceRows). */
  cells: Record<string, Record<number, WorkspaceCell>>;
  /** How many of `positions` have their cells here. */
  loadedRows: number;
}

function userId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}

/**
 * One page of the review workspace: up to WORKSPACE_PAGE_SIZE positions that
 * match the filters, the shown versions' cells (with annotations, findings
 * and the caller's review marks), and every version's progress. With rows:
 * "first", only the first rows' cells (firstRowCount), and the browser asks
 * for the others (getWorkspaceRows): a page of 15 versions is 750 cells, and
 * sending them all with the page made it slow to serve and to start.
 */
export async function getWorkspace(actor: Actor | null, slug: string, rawQuery: WorkspaceQuery = {}, options: { rows?: "first" | "all" } = {}): Promise<Workspace> {
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
    // By versionId alone: the (versionId, position) index answers it without reading the rows.
    visible.length === 0 ? [] : sqlQuery<{ position: number }>(`SELECT DISTINCT "position" FROM "segment" WHERE "versionId" IN (${marks(visible)}) ORDER BY "position"`, visible),
    // The grid need not wait for a recomputation after an edit: stale findings of edited cells are dropped.
    findingsOfArticle(article.id, { allowStale: true }),
  ]);
  let matching = allPositions.map((p) => Number(p.position));
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
  const loadedRows = options.rows === "first" ? Math.min(positions.length, firstRowCount(visible.length)) : positions.length;
  const cells = await loadCells(article.id, visible, positions.slice(0, loadedRows), me);
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
    loadedRows,
  };
}

/**
 * Cells of a workspace page's other rows: these positions, in these versions
 * (the source and the shown ones, as the page has them), with annotations,
 * findings and the caller's review marks.
 */
export async function getWorkspaceRows(actor: Actor | null, slug: string, input: WorkspaceRowsInput): Promise<{ cells: Workspace["cells"] }> {
  authorize(actor, "article.read");
  const { positions, versionIds } = validate(workspaceRowsSchema, input);
  const [article] = await sqlQuery<{ id: string }>(`SELECT "id" FROM "article" WHERE "slug" = ?`, [slug]);
  if (!article) throw new NotFoundError(`unknown article "${slug}"`);
  const versions = await sqlQuery<{ id: string }>(`SELECT "id" FROM "version" WHERE "articleId" = ? AND "id" IN (${marks(versionIds)})`, [article.id, ...versionIds]);
  if (versions.length !== new Set(versionIds).size) throw new NotFoundError("a version of another article, or none");
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const [cells, findings] = await Promise.all([loadCells(article.id, versionIds, sorted, userId(actor)), findingsOfArticle(article.id, { allowStale: true })]);
  attachFindings(cells, findings);
  return { cells };
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
      messageId: f.messageId,
      params: f.params,
      suggestion: f.suggestion ?? null,
      mqmCategory: f.mqmCategory,
      quote: f.quote,
    });
  }
}

interface CellRow {
  id: string;
  versionId: string;
  position: number;
  kind: string;
  originalText: string;
  text: string;
  revision: number;
}

interface CellAnnotationRow extends Omit<WorkspaceAnnotation, "createdAt"> {
  segmentId: string;
  createdAt: unknown;
}

/**
 * The cells of a page with their open and applied annotations and review
 * marks: three queries of plain SQL in one read snapshot (through the ORM,
 * planning and mapping the nested rows took most of the page's data time).
 */
async function loadCells(articleId: string, versionIds: string[], positions: number[], me: string | null) {
  const cells: Workspace["cells"] = {};
  if (positions.length === 0 || versionIds.length === 0) return cells;
  const first = positions[0];
  const last = positions[positions.length - 1];
  const wanted = new Set(positions);
  const where = `s."articleId" = ? AND s."versionId" IN (${marks(versionIds)}) AND s."position" BETWEEN ? AND ?`;
  const params = [articleId, ...versionIds, first, last];
  const [segments, reviews, annotations] = await readSnapshot((tx) =>
    Promise.all([
      sqlRows<CellRow>(tx, `SELECT s."id", s."versionId", s."position", s."kind", s."originalText", s."text", s."revision" FROM "segment" s WHERE ${where} ORDER BY s."position"`, params),
      sqlRows<{ segmentId: string; marks: number; mine: number }>(
        tx,
        `SELECT m."segmentId", COUNT(*) AS "marks", SUM(CASE WHEN m."rater" = ? THEN 1 ELSE 0 END) AS "mine"
           FROM "review_mark" m JOIN "segment" s ON s."id" = m."segmentId"
          WHERE ${where}
          GROUP BY m."segmentId"`,
        [me ?? "", ...params],
      ),
      sqlRows<CellAnnotationRow>(
        tx,
        `SELECT a."segmentId", a."id", a."start", a."end", a."quote", a."category", a."severity", a."status", a."note", a."suggestion",
                a."appliedRevision", a."appliedStart", a."appliedEnd", a."targetVersionId", a."createdAt", u."name" AS "author"
           FROM "annotation" a JOIN "segment" s ON s."id" = a."segmentId" LEFT JOIN "user" u ON u."id" = a."authorId"
          WHERE ${where} AND a."status" IN ('open', 'applied')
          ORDER BY a."start"`,
        params,
      ),
    ]),
  );
  const reviewsOf = new Map(reviews.map((r) => [r.segmentId, r]));
  const annotationsOf = new Map<string, WorkspaceAnnotation[]>();
  for (const { segmentId, createdAt, ...a } of annotations) {
    const annotation: WorkspaceAnnotation = {
      ...a,
      start: Number(a.start),
      end: Number(a.end),
      appliedRevision: a.appliedRevision === null ? null : Number(a.appliedRevision),
      appliedStart: a.appliedStart === null ? null : Number(a.appliedStart),
      appliedEnd: a.appliedEnd === null ? null : Number(a.appliedEnd),
      createdAt: asDate(createdAt).toISOString(),
    };
    const list = annotationsOf.get(segmentId);
    if (list) list.push(annotation);
    else annotationsOf.set(segmentId, [annotation]);
  }
  for (const { versionId, originalText, ...segment } of segments) {
    const position = Number(segment.position);
    if (!wanted.has(position)) continue;
    const review = reviewsOf.get(segment.id);
    (cells[versionId] ??= {})[position] = {
      id: segment.id,
      position,
      kind: segment.kind,
      text: segment.text,
      revision: Number(segment.revision),
      ...(originalText === segment.text ? {} : { originalText }),
      reviewedByMe: Boolean(me) && Number(review?.mine ?? 0) > 0,
      reviewCount: Number(review?.marks ?? 0),
      annotations: annotationsOf.get(segment.id) ?? [],
      findings: [],
    };
  }
  return cells;
}

async function versionProgress(articleId: string, versionIds: string[]): Promise<Map<string, VersionProgress>> {
  const [totals, reviewed, open] = await readSnapshot((tx) =>
    Promise.all([
      // The article's versions by id: counted from the (versionId, position) index alone.
      sqlRows<{ versionId: string; count: number }>(tx, `SELECT "versionId", COUNT(*) AS "count" FROM "segment" WHERE "versionId" IN (${marks(versionIds)}) GROUP BY "versionId"`, versionIds),
      sqlRows<{ versionId: string; count: number }>(
        tx,
        `SELECT s."versionId", COUNT(*) AS "count" FROM "segment" s
          WHERE s."articleId" = ? AND EXISTS (SELECT 1 FROM "review_mark" m WHERE m."segmentId" = s."id")
          GROUP BY s."versionId"`,
        [articleId],
      ),
      // Omissions sit on the source but count against the version that omits.
      sqlRows<{ versionId: string; severity: string; count: number }>(
        tx,
        `SELECT COALESCE(a."targetVersionId", s."versionId") AS "versionId", a."severity", COUNT(*) AS "count"
           FROM "annotation" a JOIN "segment" s ON s."id" = a."segmentId"
          WHERE s."articleId" = ? AND a."status" = 'open'
          GROUP BY COALESCE(a."targetVersionId", s."versionId"), a."severity"`,
        [articleId],
      ),
    ]),
  );
  const result = new Map<string, VersionProgress>();
  for (const row of totals) result.set(row.versionId, { total: Number(row.count), reviewed: 0, open: { major: 0, minor: 0, neutral: 0 } });
  for (const row of reviewed) {
    const entry = result.get(row.versionId);
    if (entry) entry.reviewed = Number(row.count);
  }
  for (const row of open) {
    const entry = result.get(row.versionId);
    const severity = row.severity as keyof VersionProgress["open"];
    if (entry && severity in entry.open) entry.open[severity] += Number(row.count);
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
