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
  /** What the entity is called now (a user's email, a key's name), when it still exists. */
  entityLabel: string | null;
  articleSlug: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
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
  const labels = await entityLabels(events);
  return {
    events: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorLabel: event.actorLabel,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      entityLabel: event.entityId ? (labels.get(`${event.entityType}:${event.entityId}`) ?? null) : null,
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

/** Readable names for the users, keys and articles a page of events refers to, keyed "type:id". */
async function entityLabels(events: { entityType: string; entityId: string | null; articleId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type && e.entityId).map((e) => e.entityId as string))];
  const articleIds = [...new Set([...ids("article"), ...events.map((e) => e.articleId).filter((id): id is string => Boolean(id))])];
  const [users, keys, articles] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, email: true } }),
    db.apikey.findMany({ where: { id: { in: ids("apikey") } }, select: { id: true, name: true, user: { select: { email: true } } } }),
    db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, slug: true } }),
  ]);
  const labels = new Map<string, string>();
  for (const user of users) labels.set(`user:${user.id}`, user.email);
  for (const key of keys) labels.set(`apikey:${key.id}`, `${key.name ?? ""} (${key.user.email})`.trim());
  for (const article of articles) labels.set(`article:${article.id}`, article.slug);
  return labels;
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
