import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseProvider, databaseUrl } from "./lib/server/database-url";
import { postgresqlMigrationAdapter } from "./lib/server/postgresql-adapter";

// The schema's datasource reads DATABASE_URL; give it the same default as the app.
process.env.DATABASE_URL = databaseUrl();

// DATABASE_URL picks the provider: each has its schema (prisma/postgresql/schema.prisma is generated
// from prisma/schema.prisma) and its own migrations. `npm run db:generate` generates both clients.
const provider = databaseProvider(databaseUrl());
const folder = provider === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

// Prisma 6.19 migrates through its bundled WebAssembly schema engine when it is
// given a driver adapter; the native engine cannot be downloaded here.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    return provider === "postgresql"
      ? postgresqlMigrationAdapter(databaseUrl())
      : new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
