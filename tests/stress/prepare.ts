// Prepares a fresh database for the stress tests: migrations, users with API
// tokens and passwords, and one article whose German version every test marks.
// Run with tsx and DATABASE_URL set; prints what the tests need as JSON.
import crypto from "node:crypto";
import { SEED_ACTOR } from "../../lib/server/actor";
import { db } from "../../lib/server/db";
import { importVersion } from "../../lib/server/import-version";
import { prepareDatabase } from "../../lib/server/prepare-database";
import { createApiToken } from "../../lib/server/tokens";
import { createUser } from "../../lib/server/users";
import { SEGMENTS, STRESS_SLUG, USERS, type StressFixture, type StressUser } from "./fixture";

const paragraph = (n: number, lang: "en" | "de") =>
  lang === "en" ? `Paragraph ${n}: Sutskever said that OpenAI had copied Gemini.` : `Absatz ${n}: Suzkwer sagte, OpenAI habe Geimini kopiert.`;

async function main() {
  await prepareDatabase({ seed: false });
  const users: StressUser[] = [];
  for (let i = 0; i < USERS; i++) {
    const role = i === 0 ? "admin" : i % 2 === 0 ? "editor" : "reviewer";
    const email = `stress-${i}@example.test`;
    const password = crypto.randomBytes(18).toString("base64url");
    const user = await createUser(SEED_ACTOR, { email, name: `Stress ${i}`, role, password });
    const { token, id } = await createApiToken(SEED_ACTOR, email, `stress ${i}`);
    users.push({ id: user.id, email, password, role, token, keyId: id });
  }
  const numbers = Array.from({ length: SEGMENTS - 1 }, (_, i) => i + 1);
  const text = (lang: "en" | "de") => Buffer.from([lang === "en" ? "Stress article" : "Stressartikel", ...numbers.map((n) => paragraph(n, lang))].join("\n\n"), "utf8");
  await importVersion(SEED_ACTOR, { slug: STRESS_SLUG, lang: "en", fileName: "en.txt", isSource: true, bytes: text("en") });
  const de = await importVersion(SEED_ACTOR, { slug: STRESS_SLUG, lang: "de", fileName: "de.txt", label: "published MT", bytes: text("de") });
  const segments = await db.segment.findMany({ where: { versionId: de.versionId }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } });
  // The paragraphs, not the title: each holds "Suzkwer".
  const fixture: StressFixture = { users, versionId: de.versionId, segments: segments.filter((s) => s.text.includes("Suzkwer")) };
  process.stdout.write(JSON.stringify(fixture));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
