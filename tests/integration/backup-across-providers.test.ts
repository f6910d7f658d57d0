// A backup moves between SQLite and PostgreSQL losslessly: PostgreSQL → SQLite → PostgreSQL gives the same backup.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/server/actor";
import { createBackup, restoreBackup, type BackupFile } from "@/lib/server/backup";
import { openDatabase, providerOf } from "@/lib/server/db";
import { createGlossaryTerms } from "@/lib/server/glossary";
import { importVersion } from "@/lib/server/import-version";
import { createDatabase, dropDatabase, freshDatabaseUrl } from "@/scripts/lib/postgresql-database";
import { bytes, makeActor, uniqueSlug } from "./helpers";

const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

function migrate(url: string): void {
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
}

/** A new, migrated, empty database of the given provider, and a client on it. */
async function emptyDatabase(provider: "sqlite" | "postgresql") {
  let url: string;
  if (provider === "sqlite") {
    url = `file:${path.join(process.env.VERSO_TEST_DIR!, `across-${crypto.randomUUID().slice(0, 8)}.db`)}`;
  } else {
    url = freshDatabaseUrl(process.env.DATABASE_URL!, "verso_across");
    await createDatabase(url);
    cleanUps.push(() => dropDatabase(url));
  }
  migrate(url);
  const client = openDatabase(url);
  cleanUps.push(() => client.$disconnect());
  return client;
}

/** Every table's rows in a stable order: the providers may return rows in different orders. */
const sortedTables = (backup: BackupFile) =>
  Object.fromEntries(Object.entries(backup.tables).map(([table, rows]) => [table, rows.map((row) => JSON.stringify(row)).sort()]));

describe.skipIf(providerOf() !== "postgresql")("a backup between PostgreSQL and SQLite", () => {
  it("goes from PostgreSQL to SQLite and back with every row and column as it was", async () => {
    const editor = await makeActor("editor");
    const slug = uniqueSlug("across");
    await importVersion(editor, { slug, lang: "en", fileName: "en.txt", isSource: true, bytes: bytes("Across\n\nÜber „Anführungszeichen“ 😀 and 1.5 % ünïcödé.") });
    await createGlossaryTerms(editor, [{ articleSlug: slug, lang: "de", canonical: "Aleksander Mądry (across)", variants: ["Madry", "Mądri"], note: "JSON survives" }]);

    const fromPostgresql = await createBackup(CLI_ACTOR);
    const sqlite = await emptyDatabase("sqlite");
    await restoreBackup(CLI_ACTOR, JSON.parse(JSON.stringify(fromPostgresql)), sqlite);
    const fromSqlite = await createBackup(CLI_ACTOR, sqlite);
    expect(fromSqlite.migrations).toEqual(fromPostgresql.migrations);
    expect(sortedTables(fromSqlite)).toEqual(sortedTables(fromPostgresql));

    const postgresql = await emptyDatabase("postgresql");
    await restoreBackup(CLI_ACTOR, JSON.parse(JSON.stringify(fromSqlite)), postgresql);
    const again = await createBackup(CLI_ACTOR, postgresql);
    expect(sortedTables(again)).toEqual(sortedTables(fromPostgresql));
    expect(await postgresql.article.count({ where: { slug } })).toBe(1);
  }, 120_000);
});
