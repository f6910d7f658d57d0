import { checkArticle, type ArticleForChecks, type CheckState, type CheckVersion, type Finding, type GlossaryEntry } from "../checks";
import type { SegmentKind } from "../text/segment-kinds";
import { onSpellerReady, spellerIfReady, spellersReady, spellerStamp } from "./spellers";
import { asBoolean, asDate, readSnapshot, sqlQuery, sqlRows } from "./sql";

// The checks' engine: loads an article, runs lib/checks incrementally and keeps
// the results. It runs in the checks worker (lib/server/checks-worker.ts), so
// that a run (hundreds of milliseconds on a long article) and the spelling
// dictionaries (hundreds of megabytes while they load) stay off the thread
// that answers requests; lib/server/checks.ts is its front door.

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
// The per-text analyses a state carries to the next run (about 20 MB for 15 versions × 600 segments)
// are kept for the articles checked last only: the ones being edited now.
const ARTICLES_WITH_TEXT_RECORDS = 5;

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

interface VersionRow {
  id: string;
  lang: string;
  label: string;
  isSource: unknown;
}

interface SegmentRow {
  id: string;
  versionId: string;
  position: number;
  kind: string;
  text: string;
  revision: number;
}

/** The stored variants of a glossary term: a JSON array (text in SQLite, parsed already from PostgreSQL). */
function variantsOf(value: unknown): string[] {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
}

export async function loadArticle(articleId: string): Promise<{ article: ArticleForChecks; segmentAt: Map<string, Map<number, { id: string; revision: number; text: string }>> }> {
  // Plain SQL in one read snapshot: a run after every change reloads the whole article (9,000 segments
  // on a long one), which through the ORM cost more than a quarter of the checks worker's time.
  const { versionRows, segmentRows, terms } = await readSnapshot(async (tx) => ({
    versionRows: await sqlRows<VersionRow>(tx, `SELECT "id", "lang", "label", "isSource" FROM "version" WHERE "articleId" = ? ORDER BY "isSource" DESC, "lang", "label"`, [articleId]),
    segmentRows: await sqlRows<SegmentRow>(
      tx,
      `SELECT "id", "versionId", "position", "kind", "text", "revision" FROM "segment" WHERE "articleId" = ? ORDER BY "versionId", "position"`,
      [articleId],
    ),
    terms: await sqlRows<{ lang: string; canonical: string; variants: unknown }>(
      tx,
      `SELECT "lang", "canonical", "variants" FROM "glossary_term" WHERE "articleId" = ? OR "articleId" IS NULL`,
      [articleId],
    ),
  }));
  const segmentsOf = new Map<string, SegmentRow[]>(versionRows.map((v) => [v.id, []]));
  for (const row of segmentRows) segmentsOf.get(row.versionId)?.push(row);
  const versions = versionRows.map((v) => ({ id: v.id, lang: v.lang, label: v.label, isSource: asBoolean(v.isSource), segments: segmentsOf.get(v.id) ?? [] }));
  const segmentAt = new Map(versions.map((v) => [v.id, new Map(v.segments.map((s) => [s.position, { id: s.id, revision: s.revision, text: s.text }]))]));
  const asCheckVersion = (v: (typeof versions)[number]): CheckVersion => ({
    id: v.id,
    lang: v.lang,
    label: v.label,
    isSource: v.isSource,
    segments: v.segments.map((s) => ({ position: s.position, kind: s.kind as SegmentKind, text: s.text })),
  });
  const glossary: GlossaryEntry[] = terms.map((t) => ({ lang: t.lang, canonical: t.canonical, variants: variantsOf(t.variants) }));
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
export async function articleFindings(articleId: string, options: { allowStale?: boolean } = {}): Promise<VersionFinding[]> {
  const fingerprint = await fingerprintOf(articleId);
  const cached = cache.get(articleId);
  if (cached && cached.fingerprint === fingerprint) return cached.findings;
  const key = `${articleId}:${fingerprint}`;
  let run = running.get(key);
  if (!run) {
    // One run at a time per article, in the order they were asked for: a slow run of an
    // older state never lands after a newer one, and each run starts from the last one's state.
    const before = queue.get(articleId) ?? Promise.resolve();
    run = before.then(() => computeFindings(articleId, fingerprint)).finally(() => running.delete(key));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queue.set(articleId, settled);
    void settled.then(() => {
      if (queue.get(articleId) === settled) queue.delete(articleId);
    });
    running.set(key, run);
  }
  if (cached && options.allowStale) {
    run.catch((error: unknown) => console.error("checks failed in the background", error));
    return cached.findings;
  }
  return run;
}

// The last run asked for per article; the next one starts when it ends.
const queue = new Map<string, Promise<void>>();

async function computeFindings(articleId: string, fingerprint: string): Promise<VersionFinding[]> {
  const done = cache.get(articleId);
  if (done && done.fingerprint === fingerprint) return done.findings;
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
  let newer = 0;
  for (const entry of [...cache.values()].reverse()) if (newer++ >= ARTICLES_WITH_TEXT_RECORDS && entry.state.records.size > 0) entry.state.records = new Map();
  return findings;
}

// Articles changed since their last run, re-checked shortly after (several writes in a row make one run).
const scheduled = new Map<string, ReturnType<typeof setTimeout>>();
const SETTLE_MS = 50;

// Articles whose results are kept fresh after each change; a dictionary that finishes
// loading changes their results too, so they are re-checked then (those still cached).
const kept = new Set<string>();
onSpellerReady(() => {
  for (const articleId of kept) {
    if (cache.has(articleId)) scheduleRun(articleId);
    else kept.delete(articleId);
  }
});

// Under a stream of writes, the longest the findings wait for a run.
const MAX_WAIT_MS = 5_000;
// Articles whose eager run is under way; a change meanwhile queues one more run after it.
const inFlight = new Set<string>();
const changedDuringRun = new Set<string>();
// When the first change not yet checked came, and until when the worker rests after its last run.
const firstChange = new Map<string, number>();
const restUntil = new Map<string, number>();

/**
 * Runs the checks of an article soon after a change (an import, an edit, an
 * applied correction), so that findings are ready before anyone asks. Each
 * change puts the run SETTLE_MS later, so that a burst of writes makes one
 * run; under a stream of writes it runs every MAX_WAIT_MS, and never sooner
 * after the last run than that run took, so that the checks leave the writes
 * most of the machine. A change during a run queues one more. The run is
 * incremental; failures are logged, and the next read retries.
 */
export function scheduleRun(articleId: string): void {
  kept.add(articleId);
  if (inFlight.has(articleId)) {
    changedDuringRun.add(articleId);
    return;
  }
  const now = performance.now();
  const first = firstChange.get(articleId) ?? now;
  firstChange.set(articleId, first);
  const delay = Math.max(Math.min(SETTLE_MS, first + MAX_WAIT_MS - now), (restUntil.get(articleId) ?? 0) - now, 0);
  clearTimeout(scheduled.get(articleId));
  const timer = setTimeout(() => {
    scheduled.delete(articleId);
    firstChange.delete(articleId);
    inFlight.add(articleId);
    const started = performance.now();
    let again = false;
    articleFindings(articleId)
      // A change made by another process, or a dictionary that arrived mid-run, is not in it either.
      .then(async () => void (again = cache.get(articleId)?.fingerprint !== (await fingerprintOf(articleId))))
      .catch((error: unknown) => console.error("checks after a change failed", error))
      .finally(() => {
        inFlight.delete(articleId);
        const ended = performance.now();
        restUntil.set(articleId, ended + (ended - started));
        if (changedDuringRun.delete(articleId) || again) scheduleRun(articleId);
      });
  }, delay);
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

/** A request to the engine, from lib/server/checks.ts (through the worker, or in process). */
export type EngineRequest =
  | { op: "findings"; articleId: string; allowStale: boolean; known: string | null; langs: string[] | null }
  | { op: "schedule"; articleId: string }
  | { op: "lastRun"; articleId: string }
  | { op: "fingerprint"; articleId: string };

/** Findings with the fingerprint they belong to; null findings: unchanged since `known`. */
export interface FindingsReply {
  fingerprint: string | null;
  findings: VersionFinding[] | null;
}

/** Answers one request; what the worker posts back. */
export async function handle(request: EngineRequest): Promise<unknown> {
  switch (request.op) {
    case "findings": {
      if (request.langs) await spellersReady(request.langs);
      const findings = await articleFindings(request.articleId, { allowStale: request.allowStale });
      const entry = cache.get(request.articleId);
      // The fingerprint only when these are the cached findings (a later run may have replaced them meanwhile).
      const fingerprint = entry?.findings === findings ? entry.fingerprint : null;
      const reply: FindingsReply = { fingerprint, findings: fingerprint !== null && fingerprint === request.known ? null : findings };
      return reply;
    }
    case "schedule":
      scheduleRun(request.articleId);
      return null;
    case "lastRun":
      return lastCheckRun(request.articleId);
    case "fingerprint":
      return currentFingerprint(request.articleId);
  }
}
