// `tsx scripts/pg-database.ts create|drop URL`: creates or drops one test database (synchronous callers: the Playwright config).
import { createDatabase, dropDatabase } from "./lib/postgresql-database";

const [command, url] = process.argv.slice(2);
const run = command === "create" ? createDatabase : command === "drop" ? dropDatabase : null;
if (!run || !url) {
  console.error("usage: tsx scripts/pg-database.ts create|drop postgresql://…/name");
  process.exit(2);
}
run(url).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
