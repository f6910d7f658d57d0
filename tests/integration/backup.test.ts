import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// This file fills its own source database (the demo seed would collide with
// demo-seed.test.ts in the shared one): point DATABASE_URL at a freshly
// migrated file before lib/server/db.ts creates the client.
const SOURCE_FILE = await vi.hoisted(async () => {
  const { default: nodePath } = await import("node:path");
  const { randomUUID } = await import("node:crypto");
  const { execFileSync: run } = await import("node:child_process");
  const dir = nodePath.join(process.env.VERSO_TEST_DIR!, `backup-${randomUUID().slice(0, 8)}`);
  const file = nodePath.join(dir, "source.db");
  process.env.VERSO_DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${file}`;
  run(nodePath.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env },
  });
  return file;
});

import type { Actor } from "@/lib/server/actor";
import { createAnnotation } from "@/lib/server/annotations";
import { createBackup, restoreBackup, type BackupFile } from "@/lib/server/backup";
import { db, openDatabase } from "@/lib/server/db";
import { DEMO_SLUG, seedDemo } from "@/lib/server/demo-seed";
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import type { PrismaClient } from "@/lib/server/generated/prisma/client";
import { createGlossaryTerms } from "@/lib/server/glossary";
import { importMqm } from "@/lib/server/mqm-import";
import { editSegmentText, setReviewMark } from "@/lib/server/segments";
import { signIn } from "@/lib/server/sign-in";
import { createApiToken } from "@/lib/server/tokens";
import { createUser } from "@/lib/server/users";
import { saveWorkspacePreferences } from "@/lib/server/workspace";
import { makeActor } from "./helpers";

const SCHEMA = path.resolve(__dirname, "../../prisma/schema.prisma");
const MQM_FIXTURE = path.resolve(__dirname, "../fixtures/mqm-small.tsv");
const PASSWORD = "correct horse battery staple";

const opened: PrismaClient[] = [];

/** A second database, migrated with `prisma migrate deploy` like the global setup does. */
function freshDatabase(): { client: PrismaClient; file: string } {
  const file = path.join(path.dirname(SOURCE_FILE), `target-${crypto.randomUUID().slice(0, 8)}.db`);
  const url = `file:${file}`;
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
  const client = openDatabase(url);
  opened.push(client);
  return { client, file };
}

/** Every table of a SQLite file with its rows exactly as stored, in a stable order. */
function dumpTables(file: string): Record<string, unknown[]> {
  const connection = new Database(file, { readonly: true });
  try {
    const tables = connection
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => {
        const rows = connection.prepare(`SELECT * FROM "${table}"`).all();
        return [table, rows.map((row) => JSON.stringify(row)).sort()];
      }),
    );
  } finally {
    connection.close();
  }
}

function appliedMigrations(file: string): string[] {
  const connection = new Database(file, { readonly: true });
  try {
    return connection.prepare(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`).pluck().all() as string[];
  } finally {
    connection.close();
  }
}

function totalRows(file: string): number {
  return Object.values(dumpTables(file)).reduce((sum, rows) => sum + rows.length, 0);
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error("expected a rejection");
  return error;
}

function userId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}

/** The backup as the file carries it: through JSON text and back. */
function throughFile(backup: BackupFile): BackupFile {
  return JSON.parse(JSON.stringify(backup)) as BackupFile;
}

let admin: Actor;
let reviewer: Actor;
let editor: Actor;
let backup: BackupFile;

beforeAll(async () => {
  admin = await makeActor("admin");
  reviewer = await makeActor("reviewer");
  editor = await makeActor("editor");
  await seedDemo();
  await importMqm(editor, { fileName: "mqm-small.tsv", bytes: fs.readFileSync(MQM_FIXTURE), sourceLang: "en", targetLang: "de" });

  const german = await db.version.findFirstOrThrow({ where: { article: { slug: DEMO_SLUG }, lang: "de" }, include: { segments: { orderBy: { position: "asc" } } } });
  const [first, second] = german.segments;
  const quote = first.originalText.slice(0, 4);
  await createAnnotation(reviewer, first.id, { start: 0, end: 4, quote, category: "Accuracy/Mistranslation", severity: "minor", suggestion: "Ärger", note: "Zeilenumbruch\n„Anführungszeichen“ 🙂", apply: true });
  await editSegmentText(reviewer, second.id, { text: `${second.text} (korrigiert)`, baseRevision: second.revision });
  await setReviewMark(reviewer, second.id, { reviewed: true });
  await createGlossaryTerms(editor, [{ lang: "de", canonical: "Backup-Begriff", variants: ["Bakup", "Back-up"], note: "from the backup test", articleSlug: DEMO_SLUG }]);
  await saveWorkspacePreferences(reviewer, DEMO_SLUG, { versionIds: [german.id], layout: "rows" });
  await db.checkDismissal.create({ data: { versionId: german.id, checkId: "numbers", position: 3, quote: "2024", reason: "a year", userId: userId(editor) } });
  await db.version.update({ where: { id: german.id }, data: { status: "approved", approvedById: userId(admin), approvedAt: new Date("2025-01-02T03:04:05.678Z") } });
  await db.verification.create({ data: { id: crypto.randomUUID(), identifier: "reset:someone@example.test", value: "opaque", expiresAt: new Date(Date.now() + 3_600_000) } });

  await createUser(admin, { email: "restored@example.test", name: "Restored Person", role: "editor", password: PASSWORD });
  await signIn("restored@example.test", PASSWORD, new Headers({ "x-forwarded-for": "10.20.30.40" }));
  await createApiToken(admin, "restored@example.test", "nightly export");
  for (const ip of ["10.0.0.7", "10.0.0.8"]) {
    await expect(signIn("restored@example.test", "not the password", new Headers({ "x-forwarded-for": ip }))).rejects.toThrow(UnauthenticatedError);
  }

  backup = await createBackup(admin);
});

afterAll(async () => {
  await Promise.all(opened.map((client) => client.$disconnect()));
});

describe("createBackup", () => {
  it("holds every model of prisma/schema.prisma, each with rows", () => {
    const models = [...fs.readFileSync(SCHEMA, "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    expect(models.length).toBeGreaterThan(10);
    expect(Object.keys(backup.tables).sort()).toEqual([...models].sort());
    for (const model of models) expect(backup.tables[model].length, `rows of ${model}`).toBeGreaterThan(0);
  });

  it("names the applied migrations and writes dates as ISO 8601 text", () => {
    expect(backup).toMatchObject({ format: "verso-backup", formatVersion: 1 });
    expect(backup.migrations).toEqual(appliedMigrations(SOURCE_FILE));
    const german = backup.tables.Version.find((v) => v.status === "approved");
    expect(german?.approvedAt).toBe("2025-01-02T03:04:05.678Z");
    const term = backup.tables.GlossaryTerm.find((t) => t.canonical === "Backup-Begriff");
    expect(term?.variants).toEqual(["Bakup", "Back-up"]);
  });
});

describe("restoreBackup", () => {
  it("restores into an empty database losslessly: every table, row and column as stored", async () => {
    const target = freshDatabase();
    const result = await restoreBackup(admin, throughFile(backup), target.client);

    expect(result.tables).toEqual(Object.fromEntries(Object.entries(backup.tables).map(([model, rows]) => [model, rows.length])));
    const source = dumpTables(SOURCE_FILE);
    const restored = dumpTables(target.file);
    expect(Object.keys(restored)).toEqual(Object.keys(source));
    for (const table of Object.keys(source)) expect(restored[table], `table ${table}`).toEqual(source[table]);
    // The restore itself leaves no trace in the audit log.
    expect(await target.client.auditEvent.count()).toBe(backup.tables.AuditEvent.length);
    // And a backup of the copy is the same backup.
    const again = await createBackup(admin, target.client);
    expect(again.tables).toEqual(backup.tables);
  });

  it("refuses a database that is not empty and writes nothing", async () => {
    const before = dumpTables(SOURCE_FILE);
    const error = await failure(restoreBackup(admin, throughFile(backup)));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/^restore needs an empty database; this one has rows in Article \(\d+\), Version \(\d+\)/);
    expect(dumpTables(SOURCE_FILE)).toEqual(before);
  });

  describe("refuses a bad file with a precise message and writes nothing", () => {
    let target: { client: PrismaClient; file: string };
    beforeAll(() => {
      target = freshDatabase();
    });

    const cases: [string, (file: BackupFile & Record<string, unknown>) => unknown, string][] = [
      ["a wrong field type in row 3", (file) => ((file.tables.Segment[2].position = "3"), file), 'table "Segment" row 3: field "position" must be a number'],
      ["an unknown table", (file) => ((file.tables.Bogus = []), file), 'unknown table "Bogus"'],
      ["an unknown field", (file) => ((file.tables.User[0].nickname = "x"), file), 'table "User" row 1: unknown field "nickname"'],
      ["a null in a required column", (file) => ((file.tables.Revision[4].text = null), file), 'table "Revision" row 5: field "text" must not be null'],
      ["a date that is not a date", (file) => ((file.tables.AuditEvent[1].at = "yesterday"), file), 'table "AuditEvent" row 2: field "at" must be an ISO 8601 date-time'],
      ["another format", () => ({ format: "mysqldump", tables: {} }), "not a Verso backup"],
      ["not an object at all", () => "[1, 2, 3]", "not a Verso backup"],
      ["a newer format version", (file) => ({ ...file, formatVersion: 2 }), "formatVersion 2 is not supported"],
    ];
    it.each(cases)("%s", async (_name, corrupt, message) => {
      const error = await failure(restoreBackup(admin, corrupt(throughFile(backup) as BackupFile & Record<string, unknown>), target.client));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe(message);
      expect(totalRows(target.file)).toBe(0);
    });

    it("names a row whose foreign key points nowhere", async () => {
      const file = throughFile(backup);
      file.tables.ReviewMark[1].segmentId = "no-such-segment";
      const error = await failure(restoreBackup(admin, file, target.client));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe('table "ReviewMark" row 2: field "segmentId" refers to a Segment that is not in the backup');
      expect(totalRows(target.file)).toBe(0);
    });

    it("rolls back every table when the database refuses a row halfway through", async () => {
      const file = throughFile(backup);
      // A second mark by the same rater on the same segment breaks a unique index that only the database checks.
      file.tables.ReviewMark[1] = { ...file.tables.ReviewMark[0], id: "duplicate-mark" };
      await expect(restoreBackup(admin, file, target.client)).rejects.toThrow(/UNIQUE constraint failed/);
      expect(totalRows(target.file)).toBe(0);
    });

    it("refuses a backup that needs a migration the database lacks", async () => {
      const file = { ...throughFile(backup), migrations: [...backup.migrations, "20991231000000_from_the_future"] };
      const error = await failure(restoreBackup(admin, file, target.client));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toMatch(/lacks: 20991231000000_from_the_future;/);
      expect(totalRows(target.file)).toBe(0);
    });
  });
});

describe("who may back up and restore", () => {
  it("only admins and the CLI: reviewers and editors get ForbiddenError, nobody signed in gets UnauthenticatedError", async () => {
    for (const actor of [reviewer, editor]) {
      await expect(createBackup(actor)).rejects.toThrow(ForbiddenError);
      await expect(restoreBackup(actor, throughFile(backup))).rejects.toThrow(ForbiddenError);
    }
    await expect(createBackup(null)).rejects.toThrow(UnauthenticatedError);
    await expect(restoreBackup(null, throughFile(backup))).rejects.toThrow(UnauthenticatedError);
  });
});
