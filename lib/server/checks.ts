import path from "node:path";
import type { Worker } from "node:worker_threads";
import { primaryLanguage } from "../checks";
import { namesMatrix, type NameRow } from "../checks/matrix";
import { toOriginalSpan } from "../text/highlights";
import { dismissFindingSchema, findingAnnotationSchema, type DismissFindingInput, type FindingAnnotationInput } from "../validation/checks";
import type { Actor } from "./actor";
import { createAnnotation } from "./annotations";
import { appendAudit } from "./audit";
import { authorize } from "./authorize";
import { db } from "./db";
import { ConflictError, NotFoundError } from "./errors";
import { loadArticle, type EngineRequest, type FindingsReply, type VersionFinding } from "./checks-engine";
import { sqlQuery } from "./sql";
import { validate } from "./validate";

export type { VersionFinding } from "./checks-engine";

// The checks run in a worker thread (lib/server/checks-worker.ts), which keeps
// each article's last results and re-checks only what changed. If the worker
// cannot start, they run in this process instead.
interface FrontDoor {
  worker: Worker | null;
  workerReady: boolean;
  inProcessOnly: boolean;
  nextRequest: number;
  pending: Map<number, { request: EngineRequest; resolve: (value: unknown) => void; reject: (error: Error) => void }>;
  /** The last findings this process received per article, so that unchanged ones are not copied from the worker again. */
  received: Map<string, { fingerprint: string; findings: VersionFinding[] }>;
}

// One per process: Next bundles route handlers and pages separately, each with its own copy of
// this module, and two copies would start two workers, each loading every dictionary and
// checking every article again.
const shared = globalThis as unknown as { versoChecks?: FrontDoor };
const door: FrontDoor = (shared.versoChecks ??= {
  worker: null,
  workerReady: false,
  inProcessOnly: false,
  nextRequest: 1,
  pending: new Map(),
  received: new Map(),
});
const { pending, received } = door;

function workerEntry(): string {
  return path.join(process.cwd(), "lib", "server", "checks-worker-entry.mjs");
}

/**
 * A young generation as large as V8 makes it for --max-semi-space-size=64 (three semi-spaces):
 * a check run allocates a great deal that lives for that run only, and with the default size
 * collecting it took about a fifth of a run (bench/checks.ts measures with that flag). For this
 * thread only: the request threads keep V8's default, whose collections pause them less.
 */
const CHECKS_YOUNG_GENERATION_MB = 3 * 64;

function startWorker(): Worker | null {
  if (door.inProcessOnly) return null;
  if (door.worker) return door.worker;
  // Loaded by Node from the source tree, not bundled: the entry compiles the worker's TypeScript with tsx.
  // The constructor is looked up at run time so that the bundler does not try to bundle the worker.
  const threads = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");
  const started = new threads.Worker(workerEntry(), { name: "verso-checks", resourceLimits: { maxYoungGenerationSizeMb: CHECKS_YOUNG_GENERATION_MB } });
  started.unref();
  started.on("message", (message: { ready?: true; id?: number; result?: unknown; error?: { message: string; stack?: string } }) => {
    if (message.ready) {
      door.workerReady = true;
      return;
    }
    const call = pending.get(message.id ?? -1);
    if (!call) return;
    pending.delete(message.id!);
    if (pending.size === 0) started.unref();
    if (message.error) call.reject(Object.assign(new Error(message.error.message), { stack: message.error.stack }));
    else call.resolve(message.result);
  });
  const lost = (error: Error) => {
    if (door.worker !== started) return;
    door.worker = null;
    const calls = [...pending.values()];
    pending.clear();
    if (!door.workerReady) {
      // It never came up (e.g. tsx missing): from now on, and for the calls it held, work in this process.
      console.error("the checks worker could not start; checks run in the server process", error);
      door.inProcessOnly = true;
      for (const call of calls) inProcess(call.request).then(call.resolve, call.reject);
    } else {
      for (const call of calls) call.reject(error);
    }
    door.workerReady = false;
  };
  started.on("error", lost);
  started.on("exit", (code) => lost(new Error(`the checks worker stopped (exit code ${code})`)));
  door.worker = started;
  return started;
}

async function inProcess(request: EngineRequest): Promise<unknown> {
  const engine = await import("./checks-engine");
  return engine.handle(request);
}

/** Sends a request to the checks engine; resolves with its answer. */
function engine<T>(request: EngineRequest): Promise<T> {
  const thread = startWorker();
  if (!thread) return inProcess(request) as Promise<T>;
  const id = door.nextRequest++;
  thread.ref();
  thread.postMessage({ id, ...request });
  return new Promise<T>((resolve, reject) => pending.set(id, { request, resolve: resolve as (value: unknown) => void, reject }));
}

const RECEIVED_ARTICLES = 50;

/**
 * The findings of an article. Fresh by default; with allowStale, a cached
 * result of an earlier state is returned at once while a fresh one is computed
 * in the background (the grid only shows findings whose revision still
 * matches its cell, so stale ones never land on edited text).
 */
async function articleFindings(articleId: string, options: { allowStale?: boolean; langs?: string[] } = {}): Promise<VersionFinding[]> {
  const mine = received.get(articleId);
  const reply = await engine<FindingsReply>({ op: "findings", articleId, allowStale: Boolean(options.allowStale), known: mine?.fingerprint ?? null, langs: options.langs ?? null });
  if (reply.findings === null && mine) return mine.findings;
  const findings = reply.findings ?? [];
  received.delete(articleId);
  if (reply.fingerprint !== null) {
    received.set(articleId, { fingerprint: reply.fingerprint, findings });
    if (received.size > RECEIVED_ARTICLES) received.delete(received.keys().next().value!);
  }
  return findings;
}

/** Whether writes trigger a run at once: in the app server, where the next reader then finds fresh results. */
function eager(): boolean {
  return process.env.VERSO_EAGER_CHECKS === "1" || (Boolean(process.env.NEXT_RUNTIME) && process.env.VERSO_EAGER_CHECKS !== "0");
}

/**
 * Runs the checks of an article soon after a change (an import, an edit, an
 * applied correction), so that findings are ready before anyone asks. Several
 * writes in a row make one run, in the worker; failures are logged there.
 */
export function scheduleChecks(articleId: string): void {
  if (!eager()) return;
  engine({ op: "schedule", articleId }).catch((error: unknown) => console.error("checks after a change failed", error));
}

/** How the last run of an article went (for tests and diagnostics), or null before the first. */
export function lastCheckRun(articleId: string): Promise<{ fingerprint: string; rechecked: number; reused: number } | null> {
  return engine({ op: "lastRun", articleId });
}

/** The fingerprint the article has now (for tests: whether the last run is current). */
export function currentFingerprint(articleId: string): Promise<string> {
  return engine({ op: "fingerprint", articleId });
}

const dismissalKey = (d: { versionId: string; checkId: string; position: number; quote: string }) => `${d.versionId}\u0000${d.checkId}\u0000${d.position}\u0000${d.quote}`;

/**
 * Findings minus the dismissed ones (a dismissal holds for that text at that
 * position) and minus those an annotation has taken up (same segment, same text).
 */
async function openFindings(articleId: string, options: { allowStale?: boolean; langs?: string[] } = {}): Promise<VersionFinding[]> {
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
  const langs = options.waitForDictionaries
    ? (await db.version.findMany({ where: { articleId }, select: { lang: true }, distinct: ["lang"] })).map((v) => primaryLanguage(v.lang))
    : undefined;
  const findings = await openFindings(articleId, { langs });
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
