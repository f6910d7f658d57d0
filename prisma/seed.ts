// Seeds the demo data into an empty database: `npm run db:seed`.
import { credentialsFile, formatAccounts, isDatabaseEmpty, seedDemo } from "../lib/server/demo-seed";

async function main() {
  if (!(await isDatabaseEmpty())) {
    console.log("The database is not empty; the demo is seeded only into an empty database.");
    return;
  }
  const accounts = await seedDemo();
  console.log(`Demo accounts (also in ${credentialsFile()}):\n${formatAccounts(accounts)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
