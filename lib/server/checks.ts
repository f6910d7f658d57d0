import { checkArticle, primaryLanguage, type ArticleForChecks, type CheckState, type CheckVersion, type Finding, type GlossaryEntry } from "../checks";
import { namesMatrix, type NameRow } from "../checks/matrix";
import type { SegmentKind } from "../text/segment-kinds";
import { toOriginalSpan } from "../text/highlights";
import { dismissFindingSchema, findingAnnotationSchema, type DismissFindingInput, type FindingAnnotationInput } from "../validation/checks";
import type { Actor } from "./actor";
import { createAnnotation } from "./annotations";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { spellerIfReady, spellersReady, spellerStamp } from "./spellers";
import { asDate, sqlQuery } from "./sql";
import { validate } from "./validate";

/** A finding placed in the database: which version and segment, and the text it covers. */
export interface VersionFinding extends Finding {
  versionId: string;
  lang: string;
  label: string;
  /** Null for a position this version lacks (structure findings). */
  segmentId: string | null;
  revision: number | null;
  quote: string;
}

interface CachedArticle {
  fingerprint: string;
  findings: VersionFinding[];
  /** What the checks keep between runs: positions whose texts are unchanged are not re-checked. */
  state: CheckState;
  /** Version × position × check cells of the last run: worked out afresh, and reused. */
  rechecked: number;
  reused: number;
}

// Results per article, keyed by a fingerprint of every segment revision and the
// glossary: unchanged articles are not re-checked, and a changed one is re-checked
// only where its texts changed (lib/checks checkArticle). A miss recomputes from
// the database, so several app servers need no shared cache.
const cache = new Map<string, CachedArticle>();
const CACHED_ARTICLES = 50;

async function fingerprintOf(articleId: string): Promise<string> {
  // One round trip: segments (count, revisions, last change), the glossary that applies, and the versions.
  const [row] = await sqlQuery<Record<string, unknown>>(
    `SELECT (SELECT COUNT(*) FROM "segment" WHERE "articleId" = ?) AS "segments",
            (SELECT SUM("revision") FROM "segment" WHERE "articleId" = ?) AS "revisions",
            (SELECT MAX("updatedAt") FROM "segment" WHERE "articleId" = ?) AS "segmentsChanged",
            (SELECT COUNT(*) FROM "glossary_term" WHERE "articleId" = ? OR "articleId" IS NULL) AS "terms",
            (SELECT MAX("updatedAt") FROM "glossary_term" WHERE "articleId" = ? OR "articleId" IS NULL) AS "termsChanged",
            (SELECT COUNT(*) FROM "version" WHERE "articleId" = ?) AS "versions",
            (SELECT MAX("createdAt") FROM "version" WHERE "articleId" = ?) AS "versionsCreated"`,
    Array(7).fill(articleId),
  );
  const time = (value: unknown) => (value === null || value === undefined ? 0 : asDate(value).getTime());
  return [
    Number(row.segments),
    Number(row.revisions ?? 0),
    time(row.segmentsChanged),
    Number(row.terms),
    time(row.termsChanged),
    Number(row.versions),
    time(row.versionsCreated),
    spellerStamp(),
  ].join(":");
}

async function loadArticle(articleId: string): Promise<{ article: ArticleForChecks; segmentAt: Map<string, Map<number, { id: string; revision: number; text: string }>> }> {
  const [versions, terms] = await Promise.all([
    db.version.findMany({
      where: { articleId },
      orderBy: [{ isSource: "desc" }, { lang: "asc" }, { label: "asc" }],
      select: {
        id: true,
        lang: true,
        label: true,
        isSource: true,
        segments: { orderBy: { position: "asc" }, select: { id: true, position: true, kind: true, text: true, revision: true } },
      },
    }),
    db.glossaryTerm.findMany({ where: { OR: [{ articleId }, { articleId: null }] }, select: { lang: true, canonical: true, variants: true } }),
  ]);
  const segmentAt = new Map(versions.map((v) => [v.id, new Map(v.segments.map((s) => [s.position, { id: s.id, revision: s.revision, text: s.text }]))]));
  const asCheckVersion = (v: (typeof versions)[number]): CheckVersion => ({
    id: v.id,
    lang: v.lang,
    label: v.label,
    isSource: v.isSource,
    segments: v.segments.map((s) => ({ position: s.position, kind: s.kind as SegmentKind, text: s.text })),
  });
  const glossary: GlossaryEntry[] = terms.map((t) => ({
    lang: t.lang,
    canonical: t.canonical,
    variants: Array.isArray(t.variants) ? t.variants.filter((v): v is string => typeof v === "string") : [],
  }));
  const source = versions.find((v) => v.isSource);
  return {
    article: {
      source: source ? asCheckVersion(source) : null,
      versions: versions.filter((v) => !v.isSource).map(asCheckVersion),
      glossary,
      speller: spellerIfReady,
    },
    segmentAt,
  };
}

/** Runs (or reuses) the checks of one article: every version's findings, dismissals not yet applied. */
// Recomputations under way, so that concurrent requests share one run.
const running = new Map<string, Promise<VersionFinding[]>>();

/**
 * The findings of an article. Fresh by default; with allowStale, a cached
 * result of an earlier state is returned at once while a fresh one is computed
 * in the background (the grid only shows findings whose revision still
 * matches its cell, so stale ones never land on edited text).
 */
async function articleFindings(articleId: string, options: { allowStale?: boolean } = {}): Promise<VersionFinding[]> {
  const fingerprint = await fingerprintOf(articleId);
  const cached = cache.get(articleId);
  if (cached && cached.fingerprint === fingerprint) return cached.findings;
  const key = `${articleId}:${fingerprint}`;
  let run = running.get(key);
  if (!run) {
    run = computeFindings(articleId, fingerprint).finally(() => running.delete(key));
    running.set(key, run);
  }
  if (cached && options.allowStale) {
    run.catch((error: unknown) => console.error("checks failed in the background", error));
    return cached.findings;
  }
  return run;
}

async function computeFindings(articleId: string, fingerprint: string): Promise<VersionFinding[]> {
  const { article, segmentAt } = await loadArticle(articleId);
  const previous = cache.get(articleId)?.state ?? null;
  const run = checkArticle(article, previous, { onError: (checkId, error) => console.error(`check ${checkId} failed`, error) });
  const results = run.results;
  const findings: VersionFinding[] = [];
  for (const version of article.versions) {
    for (const finding of results.get(version.id) ?? []) {
      const segment = segmentAt.get(version.id)?.get(finding.position) ?? null;
      findings.push({
        ...finding,
        versionId: version.id,
        lang: version.lang,
        label: version.label,
        segmentId: segment?.id ?? null,
        revision: segment?.revision ?? null,
        quote: segment ? segment.text.slice(finding.start, finding.end) : "",
      });
    }
  }
  cache.delete(articleId);
  cache.set(articleId, { fingerprint, findings, state: run.state, rechecked: run.rechecked, reused: run.reused });
  if (cache.size > CACHED_ARTICLES) cache.delete(cache.keys().next().value!);
  return findings;
}

// Articles changed since their last run, re-checked shortly after (several writes in a row make one run).
const scheduled = new Map<string, ReturnType<typeof setTimeout>>();
const SETTLE_MS = 50;

/** Whether writes trigger a run at once: in the app server, where the next reader then finds fresh results. */
function eager(): boolean {
  return process.env.VERSO_EAGER_CHECKS === "1" || (Boolean(process.env.NEXT_RUNTIME) && process.env.VERSO_EAGER_CHECKS !== "0");
}

/**
 * Runs the checks of an article soon after a change (an import, an edit, an
 * applied correction), so that findings are ready before anyone asks. The
 * run is incremental; failures are logged, and the next read retries.
 */
export function scheduleChecks(articleId: string): void {
  if (!eager()) return;
  clearTimeout(scheduled.get(articleId));
  const timer = setTimeout(() => {
    scheduled.delete(articleId);
    articleFindings(articleId).catch((error: unknown) => console.error("checks after a change failed", error));
  }, SETTLE_MS);
  timer.unref?.();
  scheduled.set(articleId, timer);
}

/** How the last run of an article went (for tests and diagnostics), or null before the first. */
export function lastCheckRun(articleId: string): { fingerprint: string; rechecked: number; reused: number } | null {
  const cached = cache.get(articleId);
  return cached ? { fingerprint: cached.fingerprint, rechecked: cached.rechecked, reused: cached.reused } : null;
}

/** The fingerprint the article has now (for tests: whether the last run is current). */
export async function currentFingerprint(articleId: string): Promise<string> {
  return fingerprintOf(articleId);
}

const dismissalKey = (d: { versionId: string; checkId: string; position: number; quote: string }) => `${d.versionId}\u0000${d.checkId}\u0000${d.position}\u0000${d.quote}`;

/**
 * Findings minus the dismissed ones (a dismissal holds for that text at that
 * position) and minus those an annotation has taken up (same segment, same text).
 */
async function openFindings(articleId: string, options: { allowStale?: boolean } = {}): Promise<VersionFinding[]> {
  const [findings, dismissals, annotations] = await Promise.all([
    articleFindings(articleId, options),
    sqlQuery<{ versionId: string; checkId: string; position: number; quote: string }>(
      `SELECT d."versionId", d."checkId", d."position", d."quote" FROM "check_dismissal" d JOIN "version" v ON v."id" = d."versionId" WHERE v."articleId" = ?`,
      [articleId],
    ),
    sqlQuery<{ segmentId: string; quote: string }>(
      `SELECT a."segmentId", a."quote" FROM "annotation" a JOIN "segment" s ON s."id" = a."segmentId" WHERE s."articleId" = ? AND a."status" <> 'rejected'`,
      [articleId],
    ),
  ]);
  if (dismissals.length === 0 && annotations.length === 0) return findings;
  const dismissed = new Set(dismissals.map(dismissalKey));
  const taken = new Set(annotations.map((a) => `${a.segmentId}\u0000${a.quote}`));
  return findings.filter((f) => !dismissed.has(dismissalKey(f)) && !(f.segmentId && f.quote && taken.has(`${f.segmentId}\u0000${f.quote}`)));
}

async function articleIdOf(slug: string): Promise<string> {
  const article = await db.article.findUnique({ where: { slug }, select: { id: true } });
  if (!article) throw new NotFoundError(`unknown article "${slug}"`, { field: "article" });
  return article.id;
}

/**
 * The open findings of an article, optionally of one language, for the CLI,
 * the API and the Checks tab. With waitForDictionaries the spelling
 * dictionaries of the article's languages are loaded first (the CLI does; the
 * server does not make a request wait for them).
 */
export async function getArticleFindings(
  actor: Actor | null,
  slug: string,
  options: { lang?: string | null; waitForDictionaries?: boolean } = {},
): Promise<VersionFinding[]> {
  authorize(actor, "article.read");
  const articleId = await articleIdOf(slug);
  if (options.waitForDictionaries) {
    const langs = await db.version.findMany({ where: { articleId }, select: { lang: true }, distinct: ["lang"] });
    await spellersReady(langs.map((v) => primaryLanguage(v.lang)));
  }
  const findings = await openFindings(articleId);
  const lang = options.lang?.toLowerCase();
  return lang ? findings.filter((f) => f.lang.toLowerCase() === lang || primaryLanguage(f.lang) === lang) : findings;
}

/**
 * The open findings of one article by its id, for the workspace (callers have
 * authorized). The grid may take a stale result while a fresh one is computed.
 */
export async function findingsOfArticle(articleId: string, options: { allowStale?: boolean } = {}): Promise<VersionFinding[]> {
  return openFindings(articleId, options);
}

/** Error-level findings that still block a version's approval: not dismissed, not taken up by an annotation. */
export async function unresolvedErrorFindings(articleId: string, versionId: string): Promise<VersionFinding[]> {
  return (await openFindings(articleId)).filter((f) => f.versionId === versionId && f.level === "error");
}

/** Dismisses one finding with a reason; it stays dismissed for that text at that position. */
export async function dismissFinding(actor: Actor | null, input: DismissFindingInput): Promise<{ id: string }> {
  authorize(actor, "check.dismiss");
  const { versionId, checkId, position, quote, reason } = validate(dismissFindingSchema, input);
  return db.$transaction(async (tx) => {
    const version = await tx.version.findUnique({ where: { id: versionId }, select: { articleId: true } });
    if (!version) throw new NotFoundError(`unknown version ${versionId}`, { field: "versionId" });
    const existing = await tx.checkDismissal.findUnique({ where: { versionId_checkId_position_quote: { versionId, checkId, position, quote } } });
    if (existing) throw new ConflictError("this finding is already dismissed");
    const created = await tx.checkDismissal.create({
      data: { versionId, checkId, position, quote, reason, userId: actor.kind === "user" ? actor.id : null },
    });
    await appendAudit(tx, actor, {
      action: "check.dismiss",
      entityType: "checkDismissal",
      entityId: created.id,
      articleId: version.articleId,
      after: { versionId, checkId, position, quote },
      reason,
    });
    return { id: created.id };
  });
}

/**
 * Turns a finding into an annotation (optionally applying its suggestion). The
 * finding's offsets are in the current text; annotations live in the original
 * text, so the span is mapped back, and refused when that part was edited.
 */
export async function annotateFinding(actor: Actor | null, segmentId: string, input: FindingAnnotationInput) {
  authorize(actor, "annotation.create");
  const finding = validate(findingAnnotationSchema, input);
  const segment = await db.segment.findUnique({ where: { id: segmentId }, select: { originalText: true, text: true, revision: true } });
  if (!segment) throw new NotFoundError(`unknown segment ${segmentId}`);
  if (segment.revision !== finding.baseRevision) throw new ConflictError("the segment changed since the checks ran; reload", { current: { text: segment.text, revision: segment.revision } });
  const span = toOriginalSpan(segment.originalText, segment.text, finding.start, finding.end);
  if (!span || span.end <= span.start) throw new ConflictError("this text was edited since import; annotate it by selecting it in the cell");
  return createAnnotation(actor, segmentId, {
    start: span.start,
    end: span.end,
    quote: segment.originalText.slice(span.start, span.end),
    category: finding.category,
    severity: finding.severity,
    suggestion: finding.suggestion,
    note: finding.note,
    apply: finding.apply,
  });
}

/** The Names tab: glossary terms and detected names × versions (source excluded), with outliers. */
export async function getNamesMatrix(actor: Actor | null, slug: string): Promise<NameRow[]> {
  authorize(actor, "article.read");
  const articleId = await articleIdOf(slug);
  const [{ article }, findings] = await Promise.all([loadArticle(articleId), openFindings(articleId)]);
  return namesMatrix({ versions: article.versions, glossary: article.glossary, findings });
}
