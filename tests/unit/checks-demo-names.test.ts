import { beforeAll, describe, expect, it } from "vitest";
import { gluedCheck } from "@/lib/checks/glued";
import { lookalikesCheck } from "@/lib/checks/lookalikes";
import { namesCheck } from "@/lib/checks/names";
import type { Check, CheckInput, Finding, Speller } from "@/lib/checks/types";
import { DEMO_LANGS, demoSpeller, demoVersion, type DemoLang } from "./fixtures/demo-article";

const demoNaming = (lang: DemoLang) => demoVersion(lang, { label: lang === "zh" ? "source" : "MT" });
const source = demoNaming("zh");
const versions = DEMO_LANGS.filter((lang) => lang !== "zh").map(demoNaming);
const spellers = new Map<string, Speller>();

/** Runs checks over one version of the demo article with an empty glossary, as lib/checks/index.ts would. */
function run(lang: string, checks: Check[], shared = new Map<string, unknown>()): Finding[] {
  const version = versions.find((v) => v.lang === lang)!;
  const input: CheckInput = {
    version,
    source,
    others: versions.filter((v) => v !== version),
    glossary: [],
    lang,
    speller: spellers.get(lang) ?? null,
    shared,
  };
  return checks.flatMap((check) => check.run(input));
}

function text(lang: string, position: number): string {
  return versions.find((v) => v.lang === lang)!.segments[position - 1].text;
}

/** [position, quoted text, suggestion, check] for each finding, in text order. */
function summary(lang: string, findings: Finding[]) {
  return findings
    .slice()
    .sort((a, b) => a.position - b.position || a.start - b.start)
    .map((f) => [f.position, text(lang, f.position).slice(f.start, f.end), f.suggestion, f.checkId]);
}

const ALL = [namesCheck, lookalikesCheck, gluedCheck];

beforeAll(() => {
  for (const lang of ["de", "en", "fr", "es"] as const) spellers.set(lang, demoSpeller(lang));
}, 120_000);

describe("cross-version names on the German seed, without a glossary", () => {
  it("finds Geimini, the three Lakes and Suzkwer, each with the right suggestion", () => {
    const findings = run("de", [namesCheck]);
    expect(summary("de", findings)).toEqual([
      [18, "Geimini", "Gemini", "names"],
      [24, "Lake", "Leike", "names"],
      [25, "Suzkwer", "Sutskever", "names"],
      [25, "Lake", "Leike", "names"],
      [31, "Lake", "Leike", "names"],
    ]);
    expect(findings.every((f) => f.level === "error" && f.mqmCategory === "Accuracy/Mistranslation/Entity")).toBe(true);
  });

  it("points at the exact offsets of each garble", () => {
    const at = (position: number, word: string, from = 0) => text("de", position).indexOf(word, from);
    const offsets = run("de", [namesCheck]).map((f) => [f.position, f.start, f.end]);
    expect(offsets).toEqual([
      [18, at(18, "Geimini"), at(18, "Geimini") + 7],
      [24, at(24, "Lake beklagte"), at(24, "Lake beklagte") + 4],
      [25, at(25, "Suzkwer"), at(25, "Suzkwer") + 7],
      [25, at(25, "Lake schloss"), at(25, "Lake schloss") + 4],
      [31, at(31, "Lake"), at(31, "Lake") + 4],
    ]);
  });

  it("says where the version itself spells the name right", () => {
    const suzkwer = run("de", [namesCheck]).find((f) => f.params?.found === "Suzkwer")!;
    expect(suzkwer.params).toMatchObject({ expected: "Sutskever", elsewhere: 24 });
    expect(suzkwer.message).toContain("Sutskever");
  });

  it("finds OpenAl with the look-alike check, and names does not report it twice", () => {
    const findings = run("de", [namesCheck, lookalikesCheck]).filter((f) => f.position === 38);
    expect(summary("de", findings)).toEqual([[38, "OpenAl", "OpenAI", "lookalikes"]]);
    expect(findings[0].level).toBe("error");
  });

  it("finds the glued words of the German seed", () => {
    expect(summary("de", run("de", [gluedCheck]))).toEqual([
      [13, "ScalingLaws", "Scaling Laws", "glued"],
      [20, "AttentionIsAllYouNeed", "Attention Is All You Need", "glued"],
      [30, "ChallengerAnthropic", "Challenger Anthropic", "glued"],
    ]);
  });

  it("reports nothing else on the German version", () => {
    const findings = run("de", ALL);
    expect(findings.map((f) => f.position).sort((a, b) => a - b)).toEqual([13, 18, 20, 24, 25, 25, 30, 31, 38]);
  });
});

describe("the planted slips of the other demo versions", () => {
  // prisma/seed-data/README.md lists what was planted; these checks must find their share of it and nothing else.
  it.each([
    ["en", [
      [24, "SuperAlignment", "Super Alignment", "glued"],
      [25, "Sutskewer", "Sutskever", "names"],
    ]],
    ["fr", [
      [18, "OpenAl", "OpenAI", "lookalikes"],
      [24, "SuperAlignment", "Super Alignment", "glued"],
      [25, "Sutskwer", "Sutskever", "names"],
    ]],
    ["es", [
      [27, "0penAI", "OpenAI", "lookalikes"],
      [31, "Lake", "Leike", "names"],
    ]],
    ["ru", [[27, "ОpenAI", "OpenAI", "lookalikes"]]],
    ["ja", [
      [20, "AttentionIsAllYouNeed", "Attention Is All You Need", "glued"],
      [27, "OpenAl", "OpenAI", "lookalikes"],
    ]],
  ])("%s: exactly the planted names, look-alikes and glued words", (lang, expected) => {
    const findings = run(lang, ALL);
    expect(summary(lang, findings.filter((f) => f.level === "error"))).toEqual(expected);
    expect(findings.filter((f) => f.level !== "error")).toEqual([]);
  });

  it("gives the same answers when every version shares one memo, as the registry runs them", () => {
    const shared = new Map<string, unknown>();
    const together = ["de", "en", "fr", "es", "ru", "ja"].map((lang) => run(lang, ALL, shared).length);
    const apart = ["de", "en", "fr", "es", "ru", "ja"].map((lang) => run(lang, ALL).length);
    expect(together).toEqual(apart);
  });
});

describe("precision on the demo's clean passages", () => {
  it("reports nothing at all in segments without planted or published damage", () => {
    const damaged = new Set([13, 18, 20, 24, 25, 27, 30, 31, 38]);
    for (const lang of ["de", "en", "fr", "es", "ru", "ja"]) {
      const findings = run(lang, ALL).filter((f) => !damaged.has(f.position));
      expect(findings, lang).toEqual([]);
    }
  });
});
