import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/server/actor";
import { createAnnotation } from "@/lib/server/annotations";
import { db } from "@/lib/server/db";
import { importVersion } from "@/lib/server/import-version";
import { approveVersion } from "@/lib/server/versions";
import { bytes, uniqueSlug } from "./helpers";

/** Runs `verso …` as a pipeline would, on the integration tests' database. */
function verso(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [require.resolve("tsx/cli"), "scripts/verso.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string): string {
  const dir = path.join(process.env.VERSO_TEST_DIR!, `cli-${crypto.randomUUID().slice(0, 8)}`);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

async function article() {
  const slug = uniqueSlug("cli");
  await importVersion(CLI_ACTOR, { slug, lang: "zh", fileName: "zh.txt", bytes: bytes("标题\n\n苏茨克维宣布。\n"), isSource: true });
  const de = await importVersion(CLI_ACTOR, { slug, lang: "de", fileName: "de.txt", bytes: bytes("Titel\n\nSuzkwer gab bekannt.\n") });
  return { slug, versionId: de.versionId };
}

describe("verso export and import from the command line", () => {
  it("--approved-only exits non-zero with a clear message until an editor approves; then the file has the correction", async () => {
    const { slug, versionId } = await article();
    const segment = await db.segment.findUniqueOrThrow({ where: { versionId_position: { versionId, position: 2 } } });
    await createAnnotation(CLI_ACTOR, segment.id, { start: 0, end: 7, quote: "Suzkwer", category: "Accuracy/Mistranslation/Entity", severity: "major", suggestion: "Sutskever", apply: true });

    const out = tempFile("de.txt");
    const refused = verso(["export", "--article", slug, "--lang", "de", "--format", "txt", "--approved-only", "--out", out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not approved/);
    expect(fs.existsSync(out)).toBe(false);

    await approveVersion(CLI_ACTOR, versionId, { overrideReason: "reviewed offline" });
    const done = verso(["export", "--article", slug, "--lang", "de", "--format", "txt", "--approved-only", "--out", out]);
    expect(done.status).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toBe("Titel\n\nSutskever gab bekannt.\n");
  });

  it("exports XLIFF to standard output and imports it back as a new version", async () => {
    const { slug } = await article();
    const exported = verso(["export", "--article", slug, "--lang", "de", "--format", "xliff12"]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('<xliff version="1.2"');
    const file = tempFile("de.xliff");
    fs.writeFileSync(file, exported.stdout.replace("Suzkwer", "Sutskever"));
    const imported = verso(["import", file, "--article", slug, "--lang", "de", "--label", "vendor"]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/Imported 2 segments into/);
    const vendor = await db.version.findFirstOrThrow({ where: { article: { slug }, label: "vendor" }, select: { segments: { orderBy: { position: "asc" }, select: { text: true } } } });
    expect(vendor.segments.map((s) => s.text)).toEqual(["Titel", "Sutskever gab bekannt."]);
  });

  it("refuses an unknown format, a malformed XLIFF (naming file, line and column) and a bad flag, writing nothing", async () => {
    const { slug } = await article();
    const unknown = verso(["export", "--article", slug, "--lang", "de", "--format", "docx"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown export format "docx"/);

    const broken = tempFile("broken.xlf");
    fs.writeFileSync(broken, '<?xml version="1.0"?>\n<xliff version="1.2">\n<file source-language="zh" target-language="de">\n<body><trans-unit id="1"><source>a &b</source></trans-unit></body></file></xliff>\n');
    const before = await db.version.count();
    const refused = verso(["import", broken, "--article", slug, "--lang", "de", "--label", "broken"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/broken\.xlf.*line 4/);
    expect(await db.version.count()).toBe(before);

    const bad = verso(["export", "--article", slug, "--lang", "de"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/missing --format/);
  });

  it("exports the glossary as CSV and imports it back unchanged; a bad row names file, line and field", async () => {
    // Scoped to this test's article: the shared database's global glossary belongs to the demo seed.
    const { slug } = await article();
    const csv = tempFile("glossary.csv");
    fs.writeFileSync(csv, `lang,canonical,variants,note,article\nde,Testname,Testnahme|Testnam,a term only this test uses,${slug}\n`);
    const first = verso(["glossary", "import", csv, "--replace"]);
    expect(first.status).toBe(0);
    const exported = verso(["glossary", "export", "--lang", "de", "--article", slug]);
    expect(exported.stdout).toMatch(new RegExp(`^de,Testname,Testnahme\\|Testnam,a term only this test uses,${slug}\r?$`, "m"));
    const again = tempFile("again.csv");
    fs.writeFileSync(again, exported.stdout);
    expect(verso(["glossary", "import", again, "--replace"]).stdout).toMatch(/0 created, 0 updated, \d+ unchanged/);
    const bad = tempFile("bad.csv");
    fs.writeFileSync(bad, `lang,canonical,variants,note,article\nde,Testwort,Testwrot,,${slug}\nnot a tag,X,,,\n`);
    const refused = verso(["glossary", "import", bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/bad\.csv line 3, field "lang"/);
  }, 60_000);

  it("export --all writes every version in every format, the same bytes as one export at a time, labels naming same-language versions", async () => {
    const { slug, versionId } = await article();
    await importVersion(CLI_ACTOR, { slug, lang: "de", label: "DeepL", fileName: "de2.txt", bytes: bytes("Titel\n\nSutskever gab bekannt.\n") });
    const dir = path.dirname(tempFile("x"));
    const run = verso(["export", "--article", slug, "--all", "--out", dir]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Wrote 22 files/);
    const names = fs.readdirSync(dir).sort();
    // 7 formats × 3 versions + the article's MQM file; the two German versions are told apart by their labels.
    expect(names).toHaveLength(22);
    expect(names).toContain(`${slug}.zh.xlf`);
    expect(names).toContain(`${slug}.de.DeepL.xliff12.xlf`);
    expect(names).toContain(`${slug}.de.imported.txt`);
    expect(names).toContain(`${slug}.mqm.tsv`);
    const one = verso(["export", "--article", slug, "--version", versionId, "--format", "xliff"]);
    expect(fs.readFileSync(path.join(dir, `${slug}.de.imported.xlf`), "utf8")).toBe(one.stdout);

    const approvedOnly = path.dirname(tempFile("y"));
    await approveVersion(CLI_ACTOR, versionId, { overrideReason: "reviewed offline" });
    const some = verso(["export", "--article", slug, "--all", "--format", "txt,json", "--approved-only", "--out", approvedOnly]);
    expect(some.status).toBe(0);
    expect(some.stderr).toMatch(/Skipped \(not approved\): zh source, de DeepL\./);
    expect(fs.readdirSync(approvedOnly).sort()).toEqual([`${slug}.de.imported.json`, `${slug}.de.imported.txt`]);
  }, 60_000);
});
