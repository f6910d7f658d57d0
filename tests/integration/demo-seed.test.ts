import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { credentialsFile, DEMO_SLUG, seedDemo, type DemoAccount } from "@/lib/server/demo-seed";
import { signIn } from "@/lib/server/sign-in";

const SEED = path.resolve(__dirname, "../../prisma/seed-data/000_fd11f6bd83abf008.txt");

let accounts: DemoAccount[];

beforeAll(async () => {
  accounts = await seedDemo();
});

describe("the demo seed", () => {
  it("stores the German version exactly as the seed file, segment by segment", async () => {
    const german = await db.version.findFirstOrThrow({
      where: { article: { slug: DEMO_SLUG }, lang: "de" },
      include: { segments: { orderBy: { position: "asc" } } },
    });
    expect(german.label).toBe("published MT");
    const lines = fs.readFileSync(SEED, "utf8").split("\n").filter((line) => line !== "");
    expect(german.segments.map((s) => s.originalText)).toEqual(lines);
    expect(german.segments.map((s) => s.text)).toEqual(lines);
    expect(german.segments.map((s) => s.position)).toEqual(lines.map((_, i) => i + 1));
  });

  it("aligns seven versions with the Chinese source, 38 positions each", async () => {
    const article = await db.article.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      include: { versions: { include: { _count: { select: { segments: true } } } } },
    });
    expect(article.sourceLang).toBe("zh");
    expect(article.versions.map((v) => v.lang).sort()).toEqual(["de", "en", "es", "fr", "ja", "ru", "zh"]);
    expect(article.versions.find((v) => v.isSource)?.label).toMatch(/reconstructed for the demo/);
    expect(new Set(article.versions.map((v) => v._count.segments))).toEqual(new Set([38]));
  });

  it("seeds a glossary with the real names and the German garbles as known variants", async () => {
    const sutskever = await db.glossaryTerm.findFirstOrThrow({ where: { lang: "de", canonical: "Sutskever" } });
    expect(sutskever.variants).toEqual(["Suzkwer"]);
    const leike = await db.glossaryTerm.findFirstOrThrow({ where: { lang: "de", canonical: "Leike" } });
    expect(leike.variants).toEqual(["Lake"]);
    expect(await db.glossaryTerm.count({ where: { lang: "de", canonical: { in: ["Altman", "Schulman", "Brockman", "Amodei", "Gemini", "OpenAI"] } } })).toBe(6);
  });

  it("creates three demo accounts with random passwords that work, written to a mode-600 file", async () => {
    expect(accounts.map((a) => a.role)).toEqual(["reviewer", "editor", "admin"]);
    expect(new Set(accounts.map((a) => a.password)).size).toBe(3);
    for (const account of accounts) expect(account.password.length).toBeGreaterThanOrEqual(16);
    const file = credentialsFile();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, "utf8");
    for (const account of accounts) expect(text).toContain(account.password);
    await signIn(accounts[1].email, accounts[1].password, new Headers({ "x-forwarded-for": "10.9.9.9" }));
    const users = await db.user.findMany({ where: { email: { in: accounts.map((a) => a.email) } }, select: { role: true } });
    expect(users.map((u) => u.role).sort()).toEqual(["admin", "editor", "reviewer"]);
  });
});
