import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./lib/server/database-url";

// The schema's datasource reads DATABASE_URL; give it the same default as the app.
process.env.DATABASE_URL = databaseUrl();

// Prisma 6.19 migrates through its bundled WebAssembly schema engine when it is
// given a driver adapter; the native engine cannot be downloaded here.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
});
