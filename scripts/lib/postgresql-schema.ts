// The PostgreSQL schema is derived from prisma/schema.prisma, the one written by hand: Prisma wants
// the provider as a literal, and the query compiler of a generated client is provider-specific.
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");
export const SQLITE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRESQL_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER = [
  "// GENERATED from prisma/schema.prisma by `npm run db:postgresql-schema`: do not edit.",
  "// Edit prisma/schema.prisma and run the script again; tests/unit/postgresql-schema.test.ts fails when they drift.",
  "",
].join("\n");

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma no longer matches ${pattern}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for a SQLite schema: another provider, and a client generated beside the SQLite one. */
export function postgresqlSchema(sqlite: string): string {
  let schema = replaceOnce(sqlite, /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  schema = replaceOnce(schema, /(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/server\/generated\/prisma"/, '$1"../../lib/server/generated/prisma-postgresql"');
  return HEADER + schema;
}

export function readSqliteSchema(): string {
  return fs.readFileSync(SQLITE_SCHEMA, "utf8");
}
