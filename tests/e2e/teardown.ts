// Drops the browser tests' PostgreSQL database (a SQLite file stays in its temporary folder, as before).
import { dropDatabase, isPostgresqlUrl } from "../../scripts/lib/postgresql-database";

export default async function teardown() {
  const url = process.env.E2E_DATABASE_URL;
  if (isPostgresqlUrl(url)) await dropDatabase(url);
}
