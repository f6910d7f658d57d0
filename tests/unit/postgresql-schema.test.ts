import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POSTGRESQL_SCHEMA, postgresqlSchema, readSqliteSchema, root } from "@/scripts/lib/postgresql-schema";

const migrations = (folder: string) =>
  fs
    .readdirSync(path.join(root, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("the PostgreSQL schema", () => {
  it("is exactly what the generator makes of prisma/schema.prisma (run `npm run db:postgresql-schema` after editing it)", () => {
    expect(fs.readFileSync(POSTGRESQL_SCHEMA, "utf8")).toBe(postgresqlSchema(readSqliteSchema()));
  });

  it("differs from the SQLite schema only in its provider, its client's folder and its header", () => {
    const generated = postgresqlSchema(readSqliteSchema());
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).not.toContain('"sqlite"');
    expect(generated).toContain('output       = "../../lib/server/generated/prisma-postgresql"');
    const models = (schema: string) => schema.slice(schema.indexOf("model Article"));
    expect(models(generated)).toBe(models(readSqliteSchema()));
  });

  it("refuses a SQLite schema it cannot find its provider in, instead of copying it", () => {
    expect(() => postgresqlSchema(readSqliteSchema().replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/no longer matches/);
  });

  it("has a migration of the same name for every SQLite migration, so both histories match (and backups move between them)", () => {
    expect(migrations("prisma/postgresql/migrations")).toEqual(migrations("prisma/migrations"));
    expect(fs.readFileSync(path.join(root, "prisma/postgresql/migrations/migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });
});
