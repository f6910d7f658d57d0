// Prepares the bench's temporary database: migrations, an admin who signs in to
// the review page, and one reviewer with an API token per load-test client.
// Run with tsx and DATABASE_URL set; prints the accounts as JSON. The article
// itself comes from scripts/generate-long-article.ts.
import crypto from "node:crypto";
import { SEED_ACTOR } from "../../lib/server/actor";
import { prepareDatabase } from "../../lib/server/prepare-database";
import { createApiToken } from "../../lib/server/tokens";
import { createUser } from "../../lib/server/users";

export interface BenchAccounts {
  admin: { email: string; password: string; token: string };
  reviewers: { email: string; token: string }[];
}

async function main() {
  const clients = Number(process.argv[2] ?? 20);
  await prepareDatabase({ seed: false });
  const password = () => crypto.randomBytes(18).toString("base64url");
  const admin = { email: "bench-admin@example.test", password: password() };
  await createUser(SEED_ACTOR, { ...admin, name: "Bench admin", role: "admin" });
  const accounts: BenchAccounts = { admin: { ...admin, token: (await createApiToken(SEED_ACTOR, admin.email, "bench")).token }, reviewers: [] };
  for (let i = 0; i < clients; i++) {
    const email = `bench-reviewer-${i}@example.test`;
    await createUser(SEED_ACTOR, { email, name: `Bench reviewer ${i}`, role: "reviewer", password: password() });
    accounts.reviewers.push({ email, token: (await createApiToken(SEED_ACTOR, email, "bench")).token });
  }
  // Flushed before main() resolves: the process exits right after.
  await new Promise((resolve) => process.stdout.write(JSON.stringify(accounts), resolve));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
