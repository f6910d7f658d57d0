// Transactions on the SQLite file when another process writes to it too (the CLI
// beside a running server): a write transaction holds the write lock from BEGIN,
// so another writer waits instead of making ours fail with SQLITE_BUSY_SNAPSHOT.
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { GET as listArticlesRoute } from "@/app/api/v1/articles/route";
import { SEED_ACTOR } from "@/lib/server/actor";
import { db, providerOf, readOnlyTransactions } from "@/lib/server/db";
import { sqlRun, writeTransaction } from "@/lib/server/sql";
import { createApiToken } from "@/lib/server/tokens";
import { createUser } from "@/lib/server/users";

const file = () => process.env.DATABASE_URL!.replace(/^file:/, "");

/** Another connection's write, as another process would try it, without waiting for the lock. */
function otherProcessWrites(email: string): "written" | "busy" {
  const other = new Database(file(), { fileMustExist: true, timeout: 0 });
  try {
    other.prepare("INSERT INTO sign_in_failure (id, email, ip, at) VALUES (?, ?, 'other', ?)").run(`other-${email}`, email, Date.now());
    return "written";
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return "busy";
    throw error;
  } finally {
    other.close();
  }
}

// Only SQLite has a file-wide write lock; PostgreSQL locks rows.
describe.skipIf(providerOf() !== "sqlite")("SQLite transactions beside another writer", () => {
  it("a transaction that reads, then writes, cannot be failed by another process committing in between: that writer waits for it", async () => {
    const email = `tx-${Date.now()}@example.test`;
    const outcome = await db.$transaction(async (tx) => {
      await tx.signInFailure.count({ where: { email } });
      // With a deferred BEGIN this commit would succeed, and our write below would fail with SQLITE_BUSY_SNAPSHOT.
      const other = otherProcessWrites(email);
      await tx.signInFailure.create({ data: { email, ip: "ours" } });
      return other;
    });
    expect(outcome).toBe("busy");
    expect(await db.signInFailure.count({ where: { email, ip: "ours" } })).toBe(1);
    // Once we committed, the other writer gets its turn.
    expect(otherProcessWrites(email)).toBe("written");
    await db.signInFailure.deleteMany({ where: { email } });
  });

  it("read-only transactions (a backup) keep their snapshot without holding the write lock", async () => {
    const email = `read-${Date.now()}@example.test`;
    const { before, other, after } = await readOnlyTransactions(() =>
      db.$transaction(async (tx) => {
        const before = await tx.signInFailure.count({ where: { email } });
        const other = otherProcessWrites(email);
        const after = await tx.signInFailure.count({ where: { email } });
        return { before, other, after };
      }),
    );
    expect({ before, other, after }).toEqual({ before: 0, other: "written", after: 0 });
    expect(await db.signInFailure.count({ where: { email } })).toBe(1);
    await db.signInFailure.deleteMany({ where: { email } });
  });

  it("when another process holds the write lock past the busy timeout, writes fail cleanly and the next transaction still runs", async () => {
    const email = `held-${Date.now()}@example.test`;
    const other = new Database(file(), { fileMustExist: true, timeout: 0 });
    other.prepare("BEGIN IMMEDIATE").run();
    try {
      // BEGIN falls back to a deferred transaction: reading still works…
      expect(await db.$transaction(async (tx) => tx.signInFailure.count({ where: { email } }))).toBe(0);
      // …and a write fails with the database's own error instead of hanging.
      await expect(db.$transaction(async (tx) => tx.signInFailure.create({ data: { email, ip: "blocked" } }))).rejects.toThrow();
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
    }
    // The adapter's transaction lock was not leaked: the next transaction runs and commits.
    await db.$transaction(async (tx) => tx.signInFailure.create({ data: { email, ip: "after" } }));
    expect(await db.signInFailure.findMany({ where: { email }, select: { ip: true } })).toEqual([{ ip: "after" }]);
    await db.signInFailure.deleteMany({ where: { email } });
  }, 30_000);

  it("an API request that cannot get the write lock answers 503 with Retry-After, never 401 or 500", async () => {
    const email = `busy-${Date.now()}@example.test`;
    await createUser(SEED_ACTOR, { email, name: "Busy", role: "reviewer", password: "correct horse battery staple" });
    const { token } = await createApiToken(SEED_ACTOR, email, "busy");
    const request = () => new Request("http://localhost:3000/api/v1/articles", { headers: { authorization: `Bearer ${token}` } });
    const other = new Database(file(), { fileMustExist: true, timeout: 0 });
    other.prepare("BEGIN IMMEDIATE").run();
    let busy: Response;
    try {
      // The key's use is recorded (a write) before the route runs.
      busy = await listArticlesRoute(request(), { params: Promise.resolve({}) });
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
    }
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect(await busy.json()).toEqual({ error: { code: "busy", message: "the database is busy: another process holds its write lock; retry in a moment" } });
    expect((await listArticlesRoute(request(), { params: Promise.resolve({}) })).status).toBe(200);
  }, 30_000);

  it("direct write transactions and Prisma's take turns on the one connection: interleaved, none fails and none loses a row", async () => {
    const email = `turns-${Date.now()}@example.test`;
    // Connected, so that writeTransaction runs on the connection itself rather than through Prisma.
    await db.signInFailure.count();
    const pause = () => new Promise((resolve) => setImmediate(resolve));
    const insert = (tx: Parameters<Parameters<typeof writeTransaction>[0]>[0], ip: string) =>
      sqlRun(tx, `INSERT INTO "sign_in_failure" ("id", "email", "ip", "at") VALUES (?, ?, ?, ?)`, [crypto.randomUUID(), email, ip, new Date()]);
    const direct = Array.from({ length: 10 }, (_, i) =>
      writeTransaction(async (tx) => {
        await insert(tx, `direct-${i}-a`);
        await pause();
        await insert(tx, `direct-${i}-b`);
      }),
    );
    const prisma = Array.from({ length: 10 }, (_, i) =>
      db.$transaction(async (tx) => {
        await tx.signInFailure.create({ data: { email, ip: `prisma-${i}-a` } });
        await pause();
        await tx.signInFailure.create({ data: { email, ip: `prisma-${i}-b` } });
      }),
    );
    const failed = (await Promise.allSettled([...direct, ...prisma])).filter((outcome) => outcome.status === "rejected");
    expect(failed).toEqual([]);
    expect(await db.signInFailure.count({ where: { email } })).toBe(40);
    await db.signInFailure.deleteMany({ where: { email } });
  }, 30_000);

  it("a direct write transaction that fails leaves nothing behind, and the next one commits", async () => {
    const email = `undo-${Date.now()}@example.test`;
    const insert = (tx: Parameters<Parameters<typeof writeTransaction>[0]>[0], ip: string) =>
      sqlRun(tx, `INSERT INTO "sign_in_failure" ("id", "email", "ip", "at") VALUES (?, ?, ?, ?)`, [crypto.randomUUID(), email, ip, new Date()]);
    await expect(
      writeTransaction(async (tx) => {
        await insert(tx, "undone");
        throw new Error("refused halfway");
      }),
    ).rejects.toThrow("refused halfway");
    expect(await db.signInFailure.count({ where: { email } })).toBe(0);
    await writeTransaction((tx) => insert(tx, "kept"));
    expect(await db.signInFailure.findMany({ where: { email }, select: { ip: true } })).toEqual([{ ip: "kept" }]);
    // The other process can write again: no transaction was left open on the connection.
    expect(otherProcessWrites(email)).toBe("written");
    await db.signInFailure.deleteMany({ where: { email } });
  }, 30_000);
});
