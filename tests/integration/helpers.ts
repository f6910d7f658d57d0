import crypto from "node:crypto";
import type { Actor } from "@/lib/server/actor";
import { db, providerOf } from "@/lib/server/db";

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

type Queryable = Pick<typeof db, "$queryRawUnsafe">;

/** Every table of the database, Prisma's migration bookkeeping left out, by name: on SQLite or PostgreSQL. */
export async function tableNames(client: Queryable = db): Promise<string[]> {
  const sql =
    providerOf(client) === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name"
      : "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name";
  const rows = await client.$queryRawUnsafe<{ name: string }[]>(sql);
  return rows.map((row) => row.name);
}

/** Every table's rows as JSON text, sorted: a logical dump to compare before and after. */
export async function dumpTables(client: Queryable = db): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const name of await tableNames(client)) {
    const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
    dump[name] = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).sort();
  }
  return dump;
}
