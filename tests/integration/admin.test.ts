import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createAnnotation } from "@/lib/server/annotations";
import { listAuditEvents } from "@/lib/server/audit-log";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { createGlossaryTerm } from "@/lib/server/glossary";
import { importVersion } from "@/lib/server/import-version";
import { getActor } from "@/lib/server/session";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/server/tokens";
import { changeUserRole, createUser, deactivateUser, listUsers, reactivateUser } from "@/lib/server/users";
import { bytes, makeActor, uniqueSlug } from "./helpers";

const PASSWORD = "correct horse battery staple";

function bearer(token: string): Headers {
  return new Headers({ authorization: `Bearer ${token}` });
}

async function newUser(role: "reviewer" | "editor" | "admin", by: Actor) {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.test`;
  return createUser(by, { email, name: `Admin test ${role}`, role, password: PASSWORD });
}

/** Deactivates every other active admin, so that `keep` is the only one left. */
async function onlyActiveAdmin(keep: Actor & { kind: "user" }) {
  await db.user.updateMany({ where: { role: "admin", deactivatedAt: null, id: { not: keep.id } }, data: { deactivatedAt: new Date() } });
}

let admin: Actor & { kind: "user" };
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  admin = (await makeActor("admin")) as Actor & { kind: "user" };
  editor = await makeActor("editor");
  reviewer = await makeActor("reviewer");
});

describe("user management", () => {
  it("creates a user, lists it, changes its role and audits each step", async () => {
    const user = await newUser("reviewer", admin);
    expect((await listUsers(admin)).find((row) => row.id === user.id)).toMatchObject({ email: user.email, role: "reviewer", deactivatedAt: null });

    await changeUserRole(admin, { userId: user.id, role: "editor" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("editor");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.role" } });
    expect(event).toMatchObject({ actorId: admin.id, before: { role: "reviewer" }, after: { role: "editor" } });
  });

  it("deactivating ends the user's sessions and disables their API keys; reactivating lets them in again", async () => {
    const user = await newUser("editor", admin);
    const { token } = await createApiToken(admin, user.email, "deactivation");
    expect(await getActor(bearer(token))).toMatchObject({ id: user.id });
    await db.session.create({ data: { id: crypto.randomUUID(), token: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });

    expect(await deactivateUser(admin, { userId: user.id })).toEqual({ sessionsEnded: 1, apiKeysDisabled: 1 });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.apikey.findFirstOrThrow({ where: { referenceId: user.id } })).toMatchObject({ enabled: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).not.toBeNull();
    expect(await getActor(bearer(token))).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.deactivate" } })).toBe(1);
    await expect(createApiToken(admin, user.email, "while away")).rejects.toThrow(ValidationError);

    await reactivateUser(admin, { userId: user.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deactivatedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.reactivate" } })).toBe(1);
    // Old keys stay revoked; the admin issues new ones.
    expect(await getActor(bearer(token))).toBeNull();
  });

  it("refuses non-admins and writes nothing", async () => {
    const target = await newUser("reviewer", admin);
    const before = await db.auditEvent.count();
    for (const actor of [editor, reviewer]) {
      await expect(listUsers(actor)).rejects.toThrow(ForbiddenError);
      await expect(createUser(actor, { email: `nope-${crypto.randomUUID()}@example.test`, name: "Nope", role: "admin", password: PASSWORD })).rejects.toThrow(ForbiddenError);
      await expect(changeUserRole(actor, { userId: target.id, role: "admin" })).rejects.toThrow(ForbiddenError);
      await expect(deactivateUser(actor, { userId: target.id })).rejects.toThrow(ForbiddenError);
      await expect(reactivateUser(actor, { userId: target.id })).rejects.toThrow(ForbiddenError);
      await expect(createApiToken(actor, target.email, "nope")).rejects.toThrow(ForbiddenError);
      await expect(listApiTokens(actor)).rejects.toThrow(ForbiddenError);
      await expect(listAuditEvents(actor)).rejects.toThrow(ForbiddenError);
    }
    await expect(changeUserRole(null, { userId: target.id, role: "admin" })).rejects.toThrow(/sign-in/);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "reviewer", deactivatedAt: null });
    expect(await db.apikey.count({ where: { referenceId: target.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("rejects unknown users and bad roles precisely", async () => {
    await expect(changeUserRole(admin, { userId: "no-such-user", role: "editor" })).rejects.toThrow(NotFoundError);
    await expect(changeUserRole(admin, { userId: admin.id, role: "owner" as "admin" })).rejects.toThrow(/role/);
  });
});

describe("the last active admin", () => {
  // These tests leave one admin active; give the shared admin back its account afterwards.
  afterEach(async () => {
    await db.user.update({ where: { id: admin.id }, data: { deactivatedAt: null } });
  });

  it("cannot demote or deactivate themselves, and nothing is written", async () => {
    const last = (await makeActor("admin")) as Actor & { kind: "user" };
    await onlyActiveAdmin(last);
    const sessionId = crypto.randomUUID();
    await db.session.create({ data: { id: sessionId, token: crypto.randomUUID(), userId: last.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const auditBefore = await db.auditEvent.count();

    await expect(changeUserRole(last, { userId: last.id, role: "editor" })).rejects.toThrow(ConflictError);
    await expect(changeUserRole(last, { userId: last.id, role: "editor" })).rejects.toMatchObject({ details: { reason: "lastAdmin" } });
    await expect(deactivateUser(last, { userId: last.id })).rejects.toThrow(ConflictError);

    expect(await db.user.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ role: "admin", deactivatedAt: null });
    expect(await db.session.count({ where: { id: sessionId } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("can be demoted by another admin once a second admin is active, but never the final one", async () => {
    const first = (await makeActor("admin")) as Actor & { kind: "user" };
    await onlyActiveAdmin(first);
    const second = await newUser("admin", first);

    const secondActor: Actor = { kind: "user", id: second.id, email: second.email, name: second.name, role: "admin" };
    await changeUserRole(secondActor, { userId: first.id, role: "editor" });
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("editor");
    // Now `second` is the last active admin: neither demotion nor deactivation by anyone.
    const systemLike: Actor = { kind: "system", label: "cli" };
    await expect(changeUserRole(systemLike, { userId: second.id, role: "reviewer" })).rejects.toThrow(ConflictError);
    await expect(deactivateUser(systemLike, { userId: second.id })).rejects.toThrow(/last active admin/);
    expect(await db.user.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ role: "admin", deactivatedAt: null });
  });
});

describe("API keys", () => {
  it("lists keys with their owner and never the secret; a revoked key gets no actor", async () => {
    const owner = await newUser("reviewer", admin);
    const created = await createApiToken(admin, owner.email, "ci pipeline");
    expect(created.token.startsWith(created.start)).toBe(true);
    expect(created.start.length).toBeGreaterThan("verso_".length);
    expect(await getActor(bearer(created.token))).toMatchObject({ id: owner.id, role: "reviewer" });

    const row = (await listApiTokens(admin)).find((key) => key.id === created.id);
    expect(row).toMatchObject({ name: "ci pipeline", start: created.start, enabled: true, owner: { email: owner.email } });
    expect(JSON.stringify(row)).not.toContain(created.token);

    await revokeApiToken(admin, { keyId: created.id });
    expect((await listApiTokens(admin)).find((key) => key.id === created.id)?.enabled).toBe(false);
    expect(await getActor(bearer(created.token))).toBeNull();
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "token.revoke" } })).toMatchObject({ actorId: admin.id });

    await expect(revokeApiToken(admin, { keyId: "missing" })).rejects.toThrow(NotFoundError);
    await expect(revokeApiToken(editor, { keyId: created.id })).rejects.toThrow(ForbiddenError);
  });

  it("validates the key's name and owner", async () => {
    const owner = await newUser("editor", admin);
    await expect(createApiToken(admin, owner.email, "x".repeat(33))).rejects.toThrow(/name/);
    await expect(createApiToken(admin, "nobody@example.test", "k")).rejects.toThrow(NotFoundError);
    expect(await db.apikey.count({ where: { referenceId: owner.id } })).toBe(0);
  });
});

describe("audit log", () => {
  it("filters by article, actor, action and time range, newest first", async () => {
    const slug = uniqueSlug("audit");
    const article = await db.article.create({ data: { slug, title: "Audit filter test", sourceLang: "en" } });
    const other = await makeActor("editor");
    const action = `test.${crypto.randomUUID().slice(0, 6)}`;
    const base = Date.UTC(2030, 0, 15, 12, 0, 0);
    const make = (minutes: number, actorId: string | null, actorLabel: string, articleId: string | null, name = action) =>
      db.auditEvent.create({ data: { at: new Date(base + minutes * 60_000), actorId, actorLabel, action: name, entityType: "segment", entityId: crypto.randomUUID(), articleId, before: { text: "Suzkwer said" }, after: { text: "Sutskever said" } } });
    const a = await make(0, admin.id, admin.email, article.id);
    const b = await make(10, other.kind === "user" ? other.id : null, other.kind === "user" ? other.email : "", article.id);
    const c = await make(20, null, "cli", null);
    const d = await make(30, admin.id, admin.email, article.id, `${action}.other`);

    const ids = async (query: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(admin, query)).events.map((event) => event.id);
    expect(await ids({ action })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ article: slug })).toEqual([d.id, b.id, a.id]);
    expect(await ids({ article: slug, actor: admin.email })).toEqual([d.id, a.id]);
    expect(await ids({ action, actor: "cli" })).toEqual([c.id]);
    expect(await ids({ action, from: "2030-01-15T12:05", to: "2030-01-15T12:20" })).toEqual([c.id, b.id]);
    expect(await ids({ article: slug, to: "2030-01-15" })).toEqual([d.id, b.id, a.id]);
    expect(await ids({ article: slug, from: "2030-01-16" })).toEqual([]);
    expect(await ids({ article: "no-such-article" })).toEqual([]);

    const page = await listAuditEvents(admin, { article: slug });
    expect(page).toMatchObject({ total: 3, page: 1, pageCount: 1 });
    expect(page.events[0]).toMatchObject({ articleSlug: slug, before: { text: "Suzkwer said" }, after: { text: "Sutskever said" } });
    await expect(listAuditEvents(admin, { from: "yesterday" })).rejects.toThrow(ValidationError);
  });

  it("pages 50 events at a time", async () => {
    const action = `page.${crypto.randomUUID().slice(0, 6)}`;
    await db.auditEvent.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ at: new Date(Date.UTC(2031, 0, 1, 0, i)), actorLabel: "cli", action, entityType: "test" })),
    });
    const first = await listAuditEvents(admin, { action });
    const second = await listAuditEvents(admin, { action, page: "2" });
    expect(first).toMatchObject({ total: 55, pageCount: 2 });
    expect(first.events).toHaveLength(50);
    expect(second.events).toHaveLength(5);
    expect(second.events[4].at.getTime()).toBe(Date.UTC(2031, 0, 1, 0, 0));
  });

  it("names what each event is about and where it sits in its article, while it exists", async () => {
    const slug = uniqueSlug("audit-place");
    await importVersion(admin, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes("标题\n\n随后，苏茨克维宣布成立新公司。"), isSource: true });
    const de = await importVersion(admin, { slug, lang: "de", fileName: "de.txt", bytes: bytes("Titel\n\nAnschließend kündigte Suzkwer die Gründung an.") });
    const version = await db.version.findUniqueOrThrow({ where: { id: de.versionId } });
    const segment = await db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId: de.versionId, position: 2 } } });
    const start = segment.originalText.indexOf("Suzkwer");
    const { annotation } = await createAnnotation(admin, segment.id, { start, end: start + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever", apply: true });
    const term = await createGlossaryTerm(admin, { lang: "de", canonical: "Sutskever", variants: ["Suzkwer"], articleSlug: slug });

    const about = async (action: string, entityId?: string) => {
      const { events } = await listAuditEvents(admin, { article: slug, action });
      const event = entityId ? events.find((e) => e.entityId === entityId)! : events[0];
      return { entityLabel: event.entityLabel, entityPlace: event.entityPlace, articleSlug: event.articleSlug };
    };
    const row2 = { lang: "de", versionLabel: version.label, position: 2 };
    expect(await about("annotation.create")).toEqual({ entityLabel: "Suzkwer", entityPlace: row2, articleSlug: slug });
    expect(await about("segment.apply")).toEqual({ entityLabel: null, entityPlace: row2, articleSlug: slug });
    expect(await about("version.import", version.id)).toEqual({ entityLabel: null, entityPlace: { lang: "de", versionLabel: version.label, position: null }, articleSlug: slug });
    expect(await about("glossary.create", term.id)).toEqual({ entityLabel: "Sutskever", entityPlace: null, articleSlug: slug });

    // The log outlives what it names: a deleted annotation's event keeps its id, and no longer a name or a place.
    await db.annotation.delete({ where: { id: annotation.id } });
    expect(await about("annotation.create")).toEqual({ entityLabel: null, entityPlace: null, articleSlug: slug });
  });

  it("records the admin operations themselves", async () => {
    const user = await newUser("reviewer", admin);
    await changeUserRole(admin, { userId: user.id, role: "editor" });
    const events = await listAuditEvents(admin, { actor: admin.email, action: "user.role" });
    expect(events.events[0]).toMatchObject({ entityId: user.id, entityLabel: user.email, before: { role: "reviewer" }, after: { role: "editor" } });
  });
});
