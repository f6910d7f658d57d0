import crypto from "node:crypto";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";


/** A real user row with the given role, so that foreign keys and audit rows are real. */
export async function makeActor(role: "reviewer" | "editor" | "admin"): Promise<Actor> {
  const id = crypto.randomUUID();
  const email = `${role}-${id.slice(0, 8)}@example.test`;
  await db.user.create({ data: { id, email, name: `Test ${role}`, role } });
  return { kind: "user", id, email, name: `Test ${role}`, role };
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

export const bytes = (text: string) => Buffer.from(text, "utf8");

/** Row counts of every table an import touches. */
export async function counts() {
  const [articles, versions, segments, revisions, audit] = await Promise.all([
    db.article.count(),
    db.version.count(),
    db.segment.count(),
    db.revision.count(),
    db.auditEvent.count(),
  ]);
  return { articles, versions, segments, revisions, audit };
}
