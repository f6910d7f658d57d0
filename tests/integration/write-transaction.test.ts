// writeTransaction (lib/server/sql.ts), the API's hot writes, on either database: on SQLite a
// BEGIN IMMEDIATE on the server's connection, on PostgreSQL a transaction of its own pool with
// prepared statements. What it writes must read back through Prisma exactly as Prisma's own writes do.
import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { applyAnnotation, createAnnotation } from "@/lib/server/annotations";
import { db, providerOf } from "@/lib/server/db";
import { importVersion } from "@/lib/server/import-version";
import { sqlRows, sqlRun, writeTransaction } from "@/lib/server/sql";
import { bytes, makeActor, uniqueSlug } from "./helpers";

const SENTENCE = "Anschließend kündigte Suzkwer die Gründung an.";
const START = SENTENCE.indexOf("Suzkwer");

let editor: Actor;
const zone = process.env.TZ;

beforeAll(async () => {
  editor = await makeActor("editor");
});

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

async function germanSegment() {
  const slug = uniqueSlug("wtx");
  await importVersion(editor, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes("标题\n\n随后，苏茨克维宣布成立新公司。"), isSource: true });
  const de = await importVersion(editor, { slug, lang: "de", fileName: "de.txt", bytes: bytes(`Titel\n\n${SENTENCE}`) });
  return db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId: de.versionId, position: 2 } } });
}

describe("writeTransaction", () => {
  it("stores dates that Prisma reads back unchanged, and reads them back itself the same, in any time zone of the process", async () => {
    // A zone far from UTC: a timestamp read as local time would be five hours off.
    process.env.TZ = "America/New_York";
    const segment = await germanSegment();
    const before = Date.now();
    const { annotation } = await createAnnotation(editor, segment.id, { start: START, end: START + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever" });
    // apply reads the annotation (and its createdAt) back through the write path's own queries.
    const applied = await applyAnnotation(editor, annotation.id);
    const stored = await db.annotation.findUniqueOrThrow({ where: { id: annotation.id }, select: { createdAt: true, updatedAt: true } });
    expect(stored.createdAt.getTime()).toBe(annotation.createdAt.getTime());
    expect(applied.annotation.createdAt.getTime()).toBe(stored.createdAt.getTime());
    expect(Math.abs(stored.createdAt.getTime() - before)).toBeLessThan(60_000);
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(stored.createdAt.getTime());
    const revision = await db.revision.findFirstOrThrow({ where: { segmentId: segment.id, number: 2 }, select: { createdAt: true, text: true } });
    expect(revision.text).toBe(SENTENCE.replace("Suzkwer", "Sutskever"));
    expect(Math.abs(revision.createdAt.getTime() - before)).toBeLessThan(60_000);
  });

  it("commits nothing when the work fails, and the next write goes through", async () => {
    const email = `wtx-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const insert = (tx: Parameters<Parameters<typeof writeTransaction>[0]>[0], id: string) =>
      sqlRun(tx, `INSERT INTO "sign_in_failure" ("id", "email", "ip", "at") VALUES (?, ?, ?, ?)`, [id, email, "wtx", new Date()]);
    await expect(
      writeTransaction(async (tx) => {
        await insert(tx, `${email}-1`);
        expect(await sqlRows(tx, `SELECT "id" FROM "sign_in_failure" WHERE "email" = ?`, [email])).toHaveLength(1);
        throw new Error("stop here");
      }),
    ).rejects.toThrow("stop here");
    expect(await db.signInFailure.count({ where: { email } })).toBe(0);
    await writeTransaction((tx) => insert(tx, `${email}-2`));
    expect(await db.signInFailure.findMany({ where: { email }, select: { id: true } })).toEqual([{ id: `${email}-2` }]);
  });

  it("many writes at once each commit whole, with their audit events", async () => {
    const segments = await Promise.all(Array.from({ length: 4 }, germanSegment));
    const results = await Promise.all(
      segments.flatMap((segment) =>
        Array.from({ length: 5 }, (_, i) =>
          createAnnotation(editor, segment.id, { start: START, end: START + 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "minor", note: `n${i}` }),
        ),
      ),
    );
    const ids = results.map((r) => r.annotation.id);
    expect(await db.annotation.count({ where: { id: { in: ids } } })).toBe(20);
    expect(await db.auditEvent.count({ where: { action: "annotation.create", entityId: { in: ids } } })).toBe(20);
  });
});

describe.runIf(providerOf() === "postgresql")("writeTransaction on PostgreSQL", () => {
  it("names a model query in its work as the mistake it is, and writes nothing", async () => {
    const email = `wtx-model-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await expect(
      writeTransaction(async (tx) => {
        await sqlRun(tx, `INSERT INTO "sign_in_failure" ("id", "email", "ip", "at") VALUES (?, ?, ?, ?)`, [email, email, "wtx", new Date()]);
        return tx.signInFailure.count();
      }),
    ).rejects.toThrow(/sqlRows and sqlRun only; "signInFailure"/);
    expect(await db.signInFailure.count({ where: { email } })).toBe(0);
  });

  it("gives two copies of the module (the server loads it twice) the same statement names on a shared connection", async () => {
    // Fresh copies, as Next.js's bundle and the API router each load lib/server/sql.ts.
    vi.resetModules();
    const first = await import("@/lib/server/sql");
    vi.resetModules();
    const second = await import("@/lib/server/sql");
    expect(second.sqlQuery).not.toBe(first.sqlQuery);
    const mark = crypto.randomUUID();
    const a = `SELECT 'a-${mark}' AS "v"`;
    const b = `SELECT 'b-${mark}' AS "v"`;
    for (let round = 0; round < 3; round++) {
      expect(await first.sqlQuery(a)).toEqual([{ v: `a-${mark}` }]);
      expect(await second.sqlQuery(b)).toEqual([{ v: `b-${mark}` }]);
    }
  });
});
