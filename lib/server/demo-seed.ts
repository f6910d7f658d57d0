import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SEED_ACTOR } from "./actor";
import { db } from "./db";
import { createGlossaryTerms } from "./glossary";
import { importVersion } from "./import-version";
import { createUser } from "./users";
import type { GlossaryTermInput } from "../validation/glossary";
import type { Role } from "../validation/roles";

export const DEMO_SLUG = "openai-talent-exodus";
export const SEED_DATA_DIR = path.join(process.cwd(), "prisma", "seed-data");
export const GERMAN_SEED_FILE = "000_fd11f6bd83abf008.txt";

// The order is the dashboard's; zh is the source the others translate.
export const DEMO_VERSIONS = [
  { lang: "zh", file: "zh.txt", label: "source (reconstructed for the demo)", isSource: true },
  { lang: "de", file: GERMAN_SEED_FILE, label: "published MT" },
  { lang: "en", file: "en.txt", label: "demo MT" },
  { lang: "fr", file: "fr.txt", label: "demo MT" },
  { lang: "es", file: "es.txt", label: "demo MT" },
  { lang: "ru", file: "ru.txt", label: "demo MT" },
  { lang: "ja", file: "ja.txt", label: "demo MT" },
] as const;

const DEMO_TITLE = "OpenAI faces multiple challenges: talent drain, financial pressure and rivals catching up";

const PEOPLE = [
  "Sam Altman", "Wojciech Zaremba", "Greg Brockman", "John Schulman", "Peter Deng", "Liu Pengfei",
  "Tan Yinliang", "Andrej Karpathy", "Dario Amodei", "Jack Clark", "Jared Kaplan", "Aravind Srinivas",
  "Elon Musk", "Jan Leike", "Ilya Sutskever", "Aleksander Madry", "Li Wei'an", "Pavel Izmailov", "Steven Bills",
];
const ORGANISATIONS = ["OpenAI", "Anthropic", "Perplexity", "Gemini", "SearchGPT", "Fairchild", "xAI", "China Business News"];

// Wrong forms the demo versions really contain (prisma/seed-data/README.md).
const KNOWN_VARIANTS: Record<string, Record<string, string[]>> = {
  de: { Sutskever: ["Suzkwer"], Leike: ["Lake"], Gemini: ["Geimini"], OpenAI: ["OpenAl"], "Scaling Laws": ["ScalingLaws"] },
  en: { Sutskever: ["Sutskewer"] },
  fr: { Sutskever: ["Sutskwer"], OpenAI: ["OpenAl"] },
  es: { OpenAI: ["0penAI"], Leike: ["Lake"] },
  ru: { "Суцкевер": ["Сузкевер"], OpenAI: ["ОpenAI"] },
  ja: { "サツケバー": ["スツケヴェル"], OpenAI: ["OpenAl"] },
};

function glossary(): GlossaryTermInput[] {
  const terms: GlossaryTermInput[] = [];
  const latin = [...PEOPLE.map((name) => name.split(" ").at(-1)!), ...ORGANISATIONS, "Scaling Laws"];
  for (const lang of ["de", "en", "fr", "es"]) {
    for (const canonical of latin) {
      const variants = KNOWN_VARIANTS[lang]?.[canonical] ?? [];
      terms.push({ lang, canonical, variants, note: variants.length ? "garbled in the demo MT" : undefined });
    }
  }
  for (const lang of ["ru", "ja"]) {
    for (const [canonical, variants] of Object.entries(KNOWN_VARIANTS[lang])) {
      terms.push({ lang, canonical, variants, note: "garbled in the demo MT" });
    }
  }
  // Family names alone; note the full names so reviewers see who is meant.
  return terms.map((term) => {
    const person = PEOPLE.find((name) => name.endsWith(` ${term.canonical}`));
    return person ? { ...term, note: [person, term.note].filter(Boolean).join("; ") } : term;
  });
}

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

/** A random password nobody has seen before. */
function randomPassword(): string {
  return crypto.randomBytes(15).toString("base64url");
}

export function credentialsFile(): string {
  return path.resolve(process.cwd(), process.env.VERSO_DATA_DIR ?? "data", "demo-credentials.txt");
}

/** True when the database holds no article and no user. */
export async function isDatabaseEmpty(): Promise<boolean> {
  const [articles, users] = await Promise.all([db.article.count(), db.user.count()]);
  return articles === 0 && users === 0;
}

/**
 * Seeds the demo article in seven languages, its glossary and three demo
 * accounts with random passwords. Returns the accounts so the caller can print
 * them once; they are also written to data/demo-credentials.txt (mode 600).
 */
export async function seedDemo(): Promise<DemoAccount[]> {
  for (const version of DEMO_VERSIONS) {
    await importVersion(SEED_ACTOR, {
      slug: DEMO_SLUG,
      lang: version.lang,
      fileName: version.file,
      bytes: fs.readFileSync(path.join(SEED_DATA_DIR, version.file)),
      isSource: "isSource" in version && version.isSource,
      label: version.label,
      title: DEMO_TITLE,
    });
  }
  await db.article.update({
    where: { slug: DEMO_SLUG },
    data: { publishedAt: new Date("2024-08-19T00:00:00Z") },
  });
  await createGlossaryTerms(SEED_ACTOR, glossary());

  const accounts: DemoAccount[] = [];
  for (const role of ["reviewer", "editor", "admin"] as const) {
    const account = { role, email: `${role}@verso.demo`, password: randomPassword() };
    await createUser(SEED_ACTOR, { ...account, name: `Demo ${role}` });
    accounts.push(account);
  }
  const file = credentialsFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatAccounts(accounts) + "\n", { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return accounts;
}

export function formatAccounts(accounts: DemoAccount[]): string {
  return accounts.map((a) => `${a.role.padEnd(9)} ${a.email.padEnd(20)} ${a.password}`).join("\n");
}
