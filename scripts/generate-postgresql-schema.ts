// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see scripts/lib/postgresql-schema.ts).
import fs from "node:fs";
import path from "node:path";
import { POSTGRESQL_SCHEMA, postgresqlSchema, readSqliteSchema, root } from "./lib/postgresql-schema";

fs.mkdirSync(path.dirname(POSTGRESQL_SCHEMA), { recursive: true });
fs.writeFileSync(POSTGRESQL_SCHEMA, postgresqlSchema(readSqliteSchema()));
console.log(`wrote ${path.relative(root, POSTGRESQL_SCHEMA)}`);
