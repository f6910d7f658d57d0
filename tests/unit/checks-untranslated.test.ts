import { describe, expect, it } from "vitest";
import type { SegmentKind } from "@/lib/text";
import type { CheckVersion, Finding, Speller } from "@/lib/checks/types";
import { untranslatedCheck } from "@/lib/checks/untranslated";

function check(lang: string, text: string, sourceText = "", options: { kind?: SegmentKind; speller?: Speller } = {}): Finding[] {
  const segment = (t: string) => [{ position: 1, kind: options.kind ?? ("paragraph" as SegmentKind), text: t }];
  const version: CheckVersion = { id: lang, lang, label: "MT", isSource: false, segments: segment(text) };
  const source: CheckVersion = { id: "zh", lang: "zh", label: "source", isSource: true, segments: segment(sourceText) };
  return untranslatedCheck.run({ version, source, others: [], glossary: [], lang, speller: options.speller ?? null, shared: new Map() });
}

const spans = (text: string, findings: Finding[]) => findings.map((f) => [f.level, text.slice(f.start, f.end)]);

describe("untranslated check", () => {
  it("finds Chinese left in English, Spanish and Russian versions (demo en 37, es 20, ru 20)", () => {
    const en = "If everyone follows the 既定路线 of Transformer, the end point and the path are actually very clear.";
    expect(spans(en, check("en", en, "如果大家都沿着Transformer这条既定路线走，终点和路径其实都非常清晰。"))).toEqual([["error", "既定路线"]]);
    const es = "El caso más famoso es el de los “八叛徒” de Fairchild», afirmó Tan Yinliang.";
    expect(spans(es, check("es", es, "其中最著名的当属‘仙童八叛徒’。"))).toEqual([["error", "八叛徒"]]);
    const ru = "Самый известный пример — „仙童八叛徒“. Эти восемь человек начинали в Fairchild.";
    expect(spans(ru, check("ru", ru, "其中最著名的当属‘仙童八叛徒’。"))[0]).toEqual(["error", "仙童八叛徒"]);
  });

  it("finds English words left inside a French sentence (demo fr 33)", () => {
    const fr = "Travailler dans une entreprise plus récente peut signifier davantage de possibilités, ce qui est very attractive for researchers à mi-carrière en quête de nouveaux défis.";
    expect(spans(fr, check("fr", fr))).toEqual([["warning", "very attractive for"]]);
    // With a speller, words it does not know extend the run and add evidence.
    const french: Speller = { correct: (word) => !["very", "researchers", "with", "the"].includes(word) };
    const longer = "ce qui est very attractive for researchers with the ambition de partir.";
    expect(spans(longer, check("fr", longer, "", { speller: french }))).toEqual([["error", "very attractive for researchers with the"]]);
  });

  it("flags a segment copied from the source unchanged", () => {
    expect(check("de", "安全是OpenAI绕不开的话题", "安全是OpenAI绕不开的话题")).toEqual([expect.objectContaining({ level: "error", start: 0, end: 0 })]);
  });

  it("leaves names, quoted titles, dates, the language switcher and Latin names in Russian or Japanese alone", () => {
    const switcher = "한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina";
    expect(check("de", switcher, switcher, { kind: "meta" })).toEqual([]);
    expect(check("de", "2024-08-19", "2024-08-19", { kind: "meta" })).toEqual([]);
    expect(check("de", "Anthropic", "Anthropic", { kind: "heading" })).toEqual([]);
    expect(check("de", "Claude 3.5 Sonnet", "Claude 3.5 Sonnet", { kind: "heading" })).toEqual([]);
    const fine: [string, string][] = [
      ["de", "Liu Pengfei sagte in einem Interview mit China Business News, die Shanghai Jiao Tong University und die China Europe International Business School seien führend."],
      ["de", "Alle acht Autoren des Papiers „Attention Is All You Need“ haben Google verlassen, darunter die ‚Fairy Child Eight Rebels‘ und das Team von Scaling Laws."],
      ["fr", "Les huit auteurs de l'article « Attention Is All You Need » ont quitté Google, selon la China Europe International Business School (CEIBS)."],
      ["es", "El Silicon Valley y la Safe Superintelligence Inc. (SSI) de Sutskever; la red social X y el equipo de la OpenAI."],
      ["en", "The company was founded in Germany; Die Zeit and Le Monde reported that the firm's chief, who will stay, was in die-hard mode."],
      ["ru", "Затем Суцкевер объявил о создании компании Safe Superintelligence Inc. (SSI), а Perplexity сравнивают с Gemini от Google."],
      ["ja", "その後、サツケバー氏は新たなAI企業Safe Superintelligence Inc.（SSI）の設立を発表した。"],
    ];
    for (const [lang, text] of fine) expect(check(lang, text, "源文本"), `${lang}: ${text}`).toEqual([]);
  });

  it("warns about Cyrillic in a German text that the source does not explain", () => {
    const de = "Das russische Wort дача bedeutet Landhaus.";
    expect(spans(de, check("de", de, "俄语单词"))).toEqual([["warning", "дача"]]);
  });
});
