import { describe, expect, it } from "vitest";
import { lookalikesCheck } from "@/lib/checks/lookalikes";
import type { CheckInput, CheckVersion, Finding, GlossaryEntry } from "@/lib/checks/types";

function version(lang: string, texts: string[]): CheckVersion {
  return { id: lang, lang, label: "MT", isSource: false, segments: texts.map((text, i) => ({ position: i + 1, kind: "paragraph", text })) };
}

function run(lang: string, texts: Record<string, string[]>, glossary: GlossaryEntry[] = []) {
  const versions = Object.entries(texts).map(([l, t]) => version(l, t));
  const me = versions.find((v) => v.lang === lang)!;
  const input: CheckInput = { version: me, source: null, others: versions.filter((v) => v !== me), glossary, lang, speller: null, shared: new Map() };
  const findings = lookalikesCheck.run(input);
  return { findings, quotes: findings.map((f: Finding) => [me.segments[f.position - 1].text.slice(f.start, f.end), f.suggestion, f.level]) };
}

// Segment 38 of the demo article.
const DE38 = "„Im August hat Musk auch die Klage gegen OpenAl erneut eingeleitet. In finanzieller Hinsicht könnten die Verluste von OpenAI bis zu 5 Milliarden US-Dollar pro Jahr betragen.";
const EN38 = "\"In August, Musk also filed a new lawsuit against OpenAI. Financially, OpenAI's losses could reach as much as $5 billion a year.";
const FR38 = "« En août, Musk a également relancé sa plainte contre OpenAI. Sur le plan financier, les pertes d'OpenAI pourraient atteindre 5 milliards de dollars par an. »";

describe("look-alike characters", () => {
  it("flags OpenAl (lower-case L) where the other versions write OpenAI", () => {
    const { findings, quotes } = run("de", { de: [DE38], en: [EN38], fr: [FR38] });
    expect(quotes).toEqual([["OpenAl", "OpenAI", "error"]]);
    expect(findings[0]).toMatchObject({ checkId: "lookalikes", start: DE38.indexOf("OpenAl"), params: { found: "OpenAl", expected: "OpenAI" } });
  });

  it("flags a digit zero for a capital O, and uses the glossary when no other version helps", () => {
    expect(run("es", { es: ["Musk volvió a demandar a 0penAI y a Altman."], en: ["Musk sued OpenAI and Altman again."], fr: ["Musk a poursuivi OpenAI et Altman."] }).quotes).toEqual([
      ["0penAI", "OpenAI", "error"],
    ]);
    const glossary = [{ lang: "en", canonical: "OpenAI", variants: [] }];
    expect(run("es", { es: ["Musk volvió a demandar a 0penAI."] }, glossary).quotes).toEqual([["0penAI", "OpenAI", "error"]]);
  });

  it("flags a Cyrillic letter hidden in a Latin name, with the all-Latin form", () => {
    const ru = "В начале этого месяца Маск вновь подал иск против ОpenAI и Альтмана.";
    const { quotes, findings } = run("ru", { ru: [ru], en: ["Earlier this month, Musk once again sued OpenAI and Altman."] });
    expect(quotes).toEqual([["ОpenAI", "OpenAI", "error"]]);
    expect(findings[0].mqmCategory).toBe("Fluency/Character encoding");
  });

  it("flags a Latin letter inside a Russian word, with the all-Cyrillic form", () => {
    const { quotes } = run("ru", { ru: ["Новейшая версия чат-бота вышла в июне, кoмпания довольна."] });
    expect(quotes).toEqual([["кoмпания", "компания", "error"]]);
  });

  it("flags zero-width and bidi characters, suggesting the word without them", () => {
    const text = "Jan Lei\u200Bke und Open\u202EAI\u202C trafen sich.";
    const { quotes, findings } = run("de", { de: [text] });
    expect(quotes).toEqual([
      ["Lei\u200Bke", "Leike", "error"],
      ["Open\u202EAI\u202C", "OpenAI", "error"],
    ]);
    expect(findings.map((f) => [f.messageId, f.params.kind])).toEqual([
      ["lookalikes.invisibleIn", "zeroWidth"],
      ["lookalikes.invisibleIn", "bidi"],
    ]);
  });

  it("leaves legitimate joiners alone: emoji sequences, Persian ZWNJ, a leading byte-order mark", () => {
    const { findings } = run("de", { de: ["\uFEFFDie Familie 👨\u200D👩\u200D👧 reist.", "می\u200Cخواهم"] });
    expect(findings).toEqual([]);
  });

  it("marks bidi controls in right-to-left text as a warning only", () => {
    const { quotes } = run("ar", { ar: ["قالت \u2066OpenAI\u2069 إن"] });
    expect(quotes.map((q) => q[2])).toEqual(["warning"]);
  });

  it("stays silent on correct names, the language bar and ordinary words with l, I, O and 0", () => {
    const bar = "한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina";
    const de = ["Ilya Sutskever, Jan Leike und OpenAI: Im Jahr 2020 lag der Wert bei 10 Milliarden. Il Sole 24 Ore berichtete.", bar];
    const en = ["Ilya Sutskever, Jan Leike and OpenAI: In 2020 the value was 10 billion. Il Sole 24 Ore reported.", bar];
    expect(run("de", { de, en }).findings).toEqual([]);
    expect(run("en", { de, en }).findings).toEqual([]);
  });
});
