// Prepares a fresh SQLite database for the browser tests: migrations, the demo
// article, and test users created through lib/server (never the demo accounts).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SEED_ACTOR } from "../../lib/server/actor";
import { importVersion } from "../../lib/server/import-version";
import { importMqm } from "../../lib/server/mqm-import";
import { prepareDatabase } from "../../lib/server/prepare-database";
import { createApiToken } from "../../lib/server/tokens";
import { createUser } from "../../lib/server/users";

async function main() {
  const dir = process.env.E2E_DIR;
  if (!dir) throw new Error("E2E_DIR is not set");
  await prepareDatabase({ seed: true });
  const users: Record<string, { email: string; password: string; name: string; token?: string }> = {};
  for (const role of ["reviewer", "editor", "admin"] as const) {
    const user = { email: `e2e-${role}@example.test`, name: `E2E ${role}`, password: crypto.randomBytes(18).toString("base64url") };
    await createUser(SEED_ACTOR, { ...user, role });
    const { token } = await createApiToken(SEED_ACTOR, user.email, "e2e");
    users[role] = { ...user, token };
  }
  // Only for the rate-limit test, which locks this account.
  const locked = { email: "e2e-locked@example.test", name: "E2E locked", password: crypto.randomBytes(18).toString("base64url") };
  await createUser(SEED_ACTOR, { ...locked, role: "reviewer" });
  users.locked = locked;
  // A short translation, so the grid has a position that one version lacks.
  const text = (lines: string[]) => Buffer.from(lines.join("\n\n"), "utf8");
  await importVersion(SEED_ACTOR, { slug: "e2e-missing", lang: "en", fileName: "en.txt", isSource: true, title: "Gap test", bytes: text(["Gap test article", "First paragraph.", "Second paragraph.", "Third paragraph."]) });
  await importVersion(SEED_ACTOR, { slug: "e2e-missing", lang: "ar", fileName: "ar.txt", label: "short MT", bytes: text(["مقالة اختبار الفجوة", "الفقرة الأولى."]) });
  // A copy of the demo's source and German seed that only the approval/export tests touch.
  const seedData = path.join(__dirname, "../../prisma/seed-data");
  await importVersion(SEED_ACTOR, { slug: "e2e-approval", lang: "zh", fileName: "zh.txt", isSource: true, bytes: fs.readFileSync(path.join(seedData, "zh.txt")) });
  await importVersion(SEED_ACTOR, { slug: "e2e-approval", lang: "de", fileName: "de.txt", label: "published MT", bytes: fs.readFileSync(path.join(seedData, "000_fd11f6bd83abf008.txt")) });
  // A small hand-written WMT MQM file for the report pages.
  await importMqm(SEED_ACTOR, { fileName: "mqm-small.tsv", bytes: fs.readFileSync(path.join(__dirname, "../fixtures/mqm-small.tsv")) });
  fs.writeFileSync(path.join(dir, "users.json"), JSON.stringify(users), { mode: 0o600 });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
