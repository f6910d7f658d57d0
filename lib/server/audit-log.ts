import { AUDIT_PAGE_SIZE, auditQuerySchema, type AuditQuery } from "../validation/admin";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { db, type Prisma } from "./db";
import { validate } from "./validate";

export interface AuditEventRow {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /**
   * What the entity is called now, when it still exists: a user's email, a
   * key's name, an article's slug, a glossary term's canonical form, the text
   * an annotation or a dismissed finding marks.
   */
  entityLabel: string | null;
  /** Where in the article the entity is (its version, and its row for a segment or what sits in one), when it still exists. */
  entityPlace: AuditEntityPlace | null;
  articleSlug: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditEntityPlace {
  lang: string;
  versionLabel: string;
  position: number | null;
}

export interface AuditLogPage {
  events: AuditEventRow[];
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
}

const EMPTY = (page: number): AuditLogPage => ({ events: [], page, pageCount: 1, total: 0, pageSize: AUDIT_PAGE_SIZE });

/**
 * One page of the audit log, newest first, filtered by article (slug), actor
 * (email or system label), action and time range (UTC, `to` inclusive).
 */
export async function listAuditEvents(actor: Actor | null, rawQuery: AuditQuery = {}): Promise<AuditLogPage> {
  authorize(actor, "audit.read");
  const query = validate(auditQuerySchema, rawQuery);
  const where: Prisma.AuditEventWhereInput = {};
  if (query.article) {
    const article = await db.article.findUnique({ where: { slug: query.article }, select: { id: true } });
    if (!article) return EMPTY(1);
    where.articleId = article.id;
  }
  if (query.actor) {
    // Users by id (the indexed column); system actors such as "cli" by their label.
    const user = await db.user.findUnique({ where: { email: query.actor.toLowerCase() }, select: { id: true } });
    if (user) where.actorId = user.id;
    else where.actorLabel = query.actor;
  }
  if (query.action) where.action = query.action;
  if (query.from || query.to) {
    where.at = {
      ...(query.from ? { gte: query.from.date } : {}),
      ...(query.to ? { lt: new Date(query.to.date.getTime() + query.to.spanMs) } : {}),
    };
  }

  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const { labels, places } = await describeEntities(events);
  return {
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorLabel: event.actorLabel,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      entityLabel: event.entityId ? (labels.get(`${event.entityType}:${event.entityId}`) ?? null) : null,
      entityPlace: event.entityId ? (places.get(`${event.entityType}:${event.entityId}`) ?? null) : null,
      articleSlug: event.articleId ? (labels.get(`article:${event.articleId}`) ?? null) : null,
      before: event.before,
      after: event.after,
      reason: event.reason,
    })),
    page,
    pageCount,
    total,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/**
 * Readable names for what a page of events refers to, and where in its article
 * each is, keyed "type:id". Entities deleted since have neither.
 */
async function describeEntities(events: { entityType: string; entityId: string | null; articleId: string | null }[]) {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type && e.entityId).map((e) => e.entityId as string))];
  const articleIds = [...new Set([...ids("article"), ...events.map((e) => e.articleId).filter((id): id is string => Boolean(id))])];
  const version = { select: { lang: true, label: true } } as const;
  const [users, keys, articles, versions, segments, annotations, dismissals, terms] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, email: true } }),
    db.apikey.findMany({ where: { id: { in: ids("apikey") } }, select: { id: true, name: true, user: { select: { email: true } } } }),
    db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, slug: true } }),
    db.version.findMany({ where: { id: { in: ids("version") } }, select: { id: true, lang: true, label: true } }),
    db.segment.findMany({ where: { id: { in: ids("segment") } }, select: { id: true, position: true, version } }),
    db.annotation.findMany({ where: { id: { in: ids("annotation") } }, select: { id: true, quote: true, segment: { select: { position: true, version } } } }),
    db.checkDismissal.findMany({ where: { id: { in: ids("checkDismissal") } }, select: { id: true, quote: true, position: true, version } }),
    db.glossaryTerm.findMany({ where: { id: { in: ids("glossaryTerm") } }, select: { id: true, canonical: true } }),
  ]);
  const labels = new Map<string, string>();
  const places = new Map<string, AuditEntityPlace>();
  const place = (v: { lang: string; label: string }, position: number | null): AuditEntityPlace => ({ lang: v.lang, versionLabel: v.label, position });
  for (const user of users) labels.set(`user:${user.id}`, user.email);
  for (const key of keys) labels.set(`apikey:${key.id}`, `${key.name ?? ""} (${key.user.email})`.trim());
  for (const article of articles) labels.set(`article:${article.id}`, article.slug);
  for (const term of terms) labels.set(`glossaryTerm:${term.id}`, term.canonical);
  for (const v of versions) places.set(`version:${v.id}`, place(v, null));
  for (const segment of segments) places.set(`segment:${segment.id}`, place(segment.version, segment.position));
  for (const a of annotations) {
    labels.set(`annotation:${a.id}`, a.quote);
    places.set(`annotation:${a.id}`, place(a.segment.version, a.segment.position));
  }
  for (const d of dismissals) {
    labels.set(`checkDismissal:${d.id}`, d.quote);
    places.set(`checkDismissal:${d.id}`, place(d.version, d.position));
  }
  return { labels, places };
}

export interface AuditFilterOptions {
  actions: string[];
  actors: string[];
  articles: { slug: string; title: string }[];
}

/** The values the audit-log filters offer: actions and actors that occur, and every article. */
export async function auditFilterOptions(actor: Actor | null): Promise<AuditFilterOptions> {
  authorize(actor, "audit.read");
  const [actions, actors, articles] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["actorLabel"], orderBy: { actorLabel: "asc" } }),
    db.article.findMany({ orderBy: { slug: "asc" }, select: { slug: true, title: true } }),
  ]);
  return { actions: actions.map((row) => row.action), actors: actors.map((row) => row.actorLabel), articles };
}
