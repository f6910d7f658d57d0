import { describe, expect, it } from "vitest";
import { glossaryCheck } from "@/lib/checks/glossary";
import type { CheckInput, CheckVersion, GlossaryEntry } from "@/lib/checks/types";

function version(lang: string, texts: string[]): CheckVersion {
  return { id: lang, lang, label: "MT", isSource: false, segments: texts.map((text, i) => ({ position: i + 1, kind: "paragraph", text })) };
}

function run(lang: string, texts: string[], glossary: GlossaryEntry[]) {
  const input: CheckInput = { version: version(lang, texts), source: null, others: [], glossary, lang, speller: null, shared: new Map() };
  return glossaryCheck.run(input);
}

const GLOSSARY: GlossaryEntry[] = [
  { lang: "de", canonical: "Sutskever", variants: ["Suzkwer"] },
  { lang: "de", canonical: "Leike", variants: ["Lake"] },
  { lang: "de", canonical: "Superalignment", variants: ["Super Alignment"] },
  { lang: "ru", canonical: "Суцкевер", variants: ["Сузкевер"] },
  { lang: "ja", canonical: "サツケバー", variants: ["スツケヴェル"] },
  { lang: "ja", canonical: "OpenAI", variants: ["OpenAl"] },
];

describe("glossary check", () => {
  it("flags a known wrong variant in the German seed sentence, with the canonical form as suggestion", () => {
    const text = "Anschließend kündigte Suzkwer im Juni dieses Jahres die Gründung eines neuen Unternehmens für künstliche Intelligenz an.";
    const [finding, ...rest] = run("de-DE", [text], GLOSSARY);
    expect(rest).toEqual([]);
    expect(text.slice(finding.start, finding.end)).toBe("Suzkwer");
    expect(finding).toMatchObject({ checkId: "glossary", position: 1, level: "error", suggestion: "Sutskever", mqmCategory: "Terminology/Inconsistent use of terminology" });
    expect(finding.params).toEqual({ found: "Suzkwer", expected: "Sutskever" });
  });

  it("finds every 'Lake' of the German seed, and multi-word variants", () => {
    const texts = [
      "Lake beklagte sich sogar auf Social Media X darüber.",
      "Von Lake bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an.",
      "Ilya Sutskever und Super Alignment-Teamleiter Jan Leike gaben ihren Rücktritt bekannt.",
    ];
    const found = run("de", texts, GLOSSARY).map((f) => [f.position, texts[f.position - 1].slice(f.start, f.end), f.suggestion]);
    expect(found).toEqual([
      [1, "Lake", "Leike"],
      [2, "Lake", "Leike"],
      [3, "Super Alignment", "Superalignment"],
    ]);
  });

  it("matches whole words only and is case-sensitive", () => {
    expect(run("de", ["Die Salzlake und der Lakeside-Park; lake ist klein geschrieben.", "Lakes"], GLOSSARY)).toEqual([]);
  });

  it("uses only the entries of the version's primary language", () => {
    expect(run("en", ["Suzkwer announced a new company."], GLOSSARY)).toEqual([]);
    const ru = run("ru", ["Затем Сузкевер объявил о создании новой компании."], GLOSSARY);
    expect(ru.map((f) => f.suggestion)).toEqual(["Суцкевер"]);
  });

  it("matches inside Japanese text, which has no spaces", () => {
    const text = "その後、今年6月にスツケヴェル氏は新たなAI企業を設立し、マスク氏がOpenAlとアルトマン氏を訴えた。";
    const found = run("ja", [text], GLOSSARY).map((f) => [text.slice(f.start, f.end), f.suggestion]);
    expect(found).toEqual([
      ["スツケヴェル", "サツケバー"],
      ["OpenAl", "OpenAI"],
    ]);
  });

  it("stays silent without a glossary", () => {
    expect(run("de", ["Anschließend kündigte Suzkwer an."], [])).toEqual([]);
  });
});
