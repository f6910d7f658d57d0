import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { importMqm } from "@/lib/server/mqm-import";
import { computeScores } from "@/lib/server/scores";
import { counts } from "./helpers";

const FIXTURE = path.resolve(__dirname, "../fixtures/mqm-small.tsv");
const bytes = fs.readFileSync(FIXTURE);

beforeAll(async () => {
  await db.article.deleteMany({ where: { slug: { in: ["news-1", "news-2"] } } });
  await importMqm(CLI_ACTOR, { fileName: "mqm-small.tsv", bytes, sourceLang: "en", targetLang: "de" });
});

describe("WMT MQM import", () => {
  it("maps docs to articles, systems to versions and seg ids to positions, with clean texts once each", async () => {
    const news1 = await db.article.findUniqueOrThrow({
      where: { slug: "news-1" },
      include: { versions: { orderBy: { label: "asc" }, include: { segments: { orderBy: { position: "asc" } } } } },
    });
    expect(news1).toMatchObject({ title: "news.1", sourceLang: "en" });
    expect(news1.versions.map((v) => [v.label, v.lang, v.isSource])).toEqual([
      ["source", "en", true],
      ["sysA", "de", false],
      ["sysB", "de", false],
    ]);
    const [source, sysA] = news1.versions;
    expect(source.segments.map((s) => [s.position, s.text])).toEqual([
      [1, "The cat sat on the mat."],
      [2, "It was very warm."],
    ]);
    expect(sysA.segments.map((s) => s.text)).toEqual(["Die Hund saß auf der Matte.", "Es war warm."]);
  });

  it("turns error rows into annotations with offsets and raters, and every row into a review mark", async () => {
    const annotations = await db.annotation.findMany({
      where: { segment: { article: { slug: "news-1" } } },
      orderBy: [{ category: "asc" }],
      select: { category: true, severity: true, quote: true, start: true, end: true, origin: true, rater: true, authorId: true, targetVersionId: true, segment: { select: { version: { select: { label: true } } } } },
    });
    expect(annotations.map((a) => [a.category, a.severity, a.quote, a.segment.version.label, a.rater])).toEqual([
      ["Accuracy/Mistranslation", "major", "Hund", "sysA", "raterA"],
      ["Accuracy/Omission", "minor", "very", "source", "raterA"],
      ["Fluency/Grammar", "minor", "warm", "sysB", "raterA"],
      ["Fluency/Punctuation", "minor", ".", "sysA", "raterA"],
      ["Style/Awkward", "neutral", "sehr", "sysB", "raterA"],
    ]);
    expect(annotations.every((a) => a.origin === "import" && a.authorId === null)).toBe(true);
    expect(annotations.find((a) => a.category === "Accuracy/Omission")!.targetVersionId).not.toBeNull();
    const marks = await db.reviewMark.findMany({ where: { segment: { article: { slug: { in: ["news-1", "news-2"] } } } } });
    expect(marks).toHaveLength(7);
    expect(new Set(marks.map((m) => m.rater))).toEqual(new Set(["import:raterA", "import:raterB"]));
  });

  it("scores exactly the hand-computed table", async () => {
    const systems = await computeScores(CLI_ACTOR, { by: "system" });
    const mine = systems.filter((s) => s.system === "sysA" || s.system === "sysB");
    expect(mine.map((s) => [s.system, Number(s.mqm.toFixed(3)), s.pairs])).toEqual([
      ["sysB", 0.667, 3],
      ["sysA", 7.775, 4],
    ]);
    const news1 = await computeScores(CLI_ACTOR, { articleSlug: "news-1" });
    expect(news1.map((s) => [s.system, Number(s.mqm.toFixed(3)), s.pairs])).toEqual([
      ["sysB", 0.5, 2],
      ["sysA", 2.033, 3],
    ]);
  });

  it("`verso scores` prints the hand-computed table", () => {
    const out = execFileSync(process.execPath, [require.resolve("tsx/cli"), "scripts/verso.ts", "scores", "--article", "news-1", "--by", "system"], {
      env: process.env,
    }).toString();
    expect(out).toBe("system\tmqm\tpairs\nsysB\t0.500\t2\nsysA\t2.033\t3\n");
  });

  it("refuses a second import, replaces on request without duplicating, and rejects malformed files whole", async () => {
    const before = await counts();
    await expect(importMqm(CLI_ACTOR, { fileName: "mqm-small.tsv", bytes })).rejects.toThrow(ConflictError);
    expect(await counts()).toEqual(before);
    await importMqm(CLI_ACTOR, { fileName: "mqm-small.tsv", bytes, replace: true });
    const after = await counts();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });

    const broken = Buffer.from(bytes.toString("utf8").replace("Fluency/Grammar\tMinor", "Fluency/Grammar\tSevere"));
    await expect(importMqm(CLI_ACTOR, { fileName: "broken.tsv", bytes: broken, replace: true })).rejects.toThrow(
      /broken\.tsv: line 8: severity: unknown severity "Severe"/,
    );
    await expect(importMqm(CLI_ACTOR, { fileName: "broken.tsv", bytes: broken, replace: true })).rejects.toThrow(ValidationError);
    expect({ ...(await counts()), audit: 0 }).toEqual({ ...after, audit: 0 });
  });
});

describe("WMT MQM export", () => {
  it("re-imports to the same scores", async () => {
    const before = await computeScores(CLI_ACTOR, { articleSlug: "news-1" });
    const exported = (await import("@/lib/server/mqm-export")).exportMqmTsv;
    const tsv = await exported(CLI_ACTOR, ["news-1", "news-2"]);
    expect(tsv.split("\n")[0]).toBe("system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment");
    expect(tsv).toContain("Die <v>Hund</v> saß auf der Matte.\tAccuracy/Mistranslation\tMajor");
    expect(tsv).toContain("It was <v>very</v> warm.\tEs war warm.\tAccuracy/Omission\tMinor");
    await importMqm(CLI_ACTOR, { fileName: "exported.tsv", bytes: Buffer.from(tsv), replace: true });
    const after = await computeScores(CLI_ACTOR, { articleSlug: "news-1" });
    expect(after.map((s) => [s.system, s.mqm, s.pairs])).toEqual(before.map((s) => [s.system, s.mqm, s.pairs]));
    const systems = (await computeScores(CLI_ACTOR, { by: "system" })).filter((s) => s.system.startsWith("sys"));
    expect(systems.map((s) => [s.system, Number(s.mqm.toFixed(3)), s.pairs])).toEqual([
      ["sysB", 0.667, 3],
      ["sysA", 7.775, 4],
    ]);
  });
});
