// Migrates and seeds the demo into an empty database (used by `npm run dev`).
import { credentialsFile, formatAccounts } from "../lib/server/demo-seed";
import { prepareDatabase } from "../lib/server/prepare-database";

async function main() {
  const accounts = await prepareDatabase({ seed: true });
  if (accounts) console.log(`\nDemo accounts (shown once; also in ${credentialsFile()}):\n${formatAccounts(accounts)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
