import { describe, expect, it } from "vitest";
import { extractQuantities } from "@/lib/checks/lang-numbers";
import { numbersCheck } from "@/lib/checks/numbers";
import type { CheckVersion, Finding } from "@/lib/checks/types";

const version = (lang: string, text: string, isSource = false): CheckVersion => ({
  id: `${lang}-${isSource ? "source" : "target"}`,
  lang,
  label: isSource ? "source" : "MT",
  isSource,
  segments: [{ position: 1, kind: "paragraph", text }],
});

function check(sourceText: string, lang: string, text: string, sourceLang = "zh"): Finding[] {
  const target = version(lang, text);
  return numbersCheck.run({ version: target, source: version(sourceLang, sourceText, true), others: [], glossary: [], lang, speller: null, shared: new Map() });
}

const quoted = (text: string, f: Finding) => text.slice(f.start, f.end);

// Segment 17 of the demo source: 70亿美元 = 7 billion dollars.
const ZH_17 = "自2021年以来，该公司已从谷歌、亚马逊等科技巨头处筹集了至少70亿美元资金。其6月推出的最新版聊天机器人Claude 3.5 Sonnet，被认为在整体性能上与OpenAI的GPT-4o相当甚至更优。";

describe("numbers check", () => {
  it("flags a figure off by a power of ten as an error on the wrong figure", () => {
    const en = "Since 2021, the company has raised at least $700 million in funding from technology giants such as Google and Amazon. Its latest chatbot, Claude 3.5 Sonnet, launched in June, is considered equal to or better than OpenAI's GPT-4o.";
    const findings = check(ZH_17, "en", en);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: "error", mqmCategory: "Accuracy/Mistranslation", params: { expected: "70亿" } });
    expect(quoted(en, findings[0])).toBe("700 million");

    const fr = "Depuis 2021, l'entreprise a levé au moins 7 millions de dollars auprès de géants de la technologie tels que Google et Amazon. Claude 3.5 Sonnet, lancé en juin, égale le GPT-4o d'OpenAI.";
    expect(check(ZH_17, "fr", fr).map((f) => quoted(fr, f))).toEqual(["7 millions"]);
  });

  it("accepts 70亿 written as 7 Milliarden, 7 billion, 7.000 millones, 7 млрд or 70億", () => {
    const tail = (lang: string) => ({ de: " im Juni, Claude 3.5, GPT-4o", en: " in June, Claude 3.5, GPT-4o", es: " en junio, Claude 3.5, GPT-4o", ru: " в июне, Claude 3.5, GPT-4o", ja: "6月、Claude 3.5、GPT-4o" })[lang];
    expect(check(ZH_17, "de", `Seit 2021 mindestens 7 Milliarden US-Dollar${tail("de")}`)).toEqual([]);
    expect(check(ZH_17, "en", `Since 2021 at least $7 billion${tail("en")}`)).toEqual([]);
    expect(check(ZH_17, "es", `Desde 2021, al menos 7.000 millones de dólares${tail("es")}`)).toEqual([]);
    expect(check(ZH_17, "ru", `С 2021 года не менее 7 млрд долларов${tail("ru")}`)).toEqual([]);
    expect(check(ZH_17, "ja", `2021年以降、少なくとも70億ドル${tail("ja")}`)).toEqual([]);
  });

  it("reads Chinese and Japanese scale characters: 1万亿, 2.5亿, 2億5000万", () => {
    expect(extractQuantities("实现超过1万亿美元的营收", "zh", true).map((q) => q.values[0])).toEqual([1e12]);
    expect(check("上个月的查询量达到2.5亿次", "ja", "先月のクエリ数は2億5000万件に達した")).toEqual([]);
    expect(check("上个月的查询量达到2.5亿次", "de", "250 Millionen Anfragen im letzten Monat")).toEqual([]);
  });

  it("catches the Spanish trillion written as mil millones, next to a correct un billón", () => {
    const zh = "人工智能模型公司即将实现超过1万亿美元的营收。在万亿级的人工智能市场中，OpenAI可能占据半壁江山以上。";
    const es = "las empresas de modelos de IA están a punto de generar ingresos superiores a mil millones de dólares. En ese mercado de la IA de un billón de dólares, OpenAI podría representar más de la mitad.";
    const findings = check(zh, "es", es);
    expect(findings.map((f) => [f.level, quoted(es, f)])).toEqual([["error", "mil millones"]]);
    const de = "Modellunternehmen seien im Begriff, einen Umsatz von über einer Billion US-Dollar zu erzielen. Auf dem Billionen-Markt können OpenAI und seine Mitarbeiter mehr als die Hälfte ausmachen.";
    expect(check(zh, "de", de)).toEqual([]);
    const fr = "plus de mille milliards de dollars de chiffre d'affaires. Sur ce marché à mille milliards de dollars, OpenAI pourrait représenter plus de la moitié.";
    expect(check(zh, "fr", fr)).toEqual([]);
  });

  it("accepts small numbers written as words: 11 and 3 as elf/drei, eleven/three, onze/trois, одиннадцати/трое", () => {
    const zh = "目前，OpenAI的11位联合创始人中仅剩3人。";
    expect(check(zh, "de", "Derzeit sind nur noch drei der elf Mitbegründer von OpenAI übrig.")).toEqual([]);
    expect(check(zh, "en", "Only three of OpenAI's eleven co-founders remain.")).toEqual([]);
    expect(check(zh, "fr", "Sur les onze cofondateurs d'OpenAI, il n'en reste plus que trois.")).toEqual([]);
    expect(check(zh, "es", "De los once cofundadores de OpenAI solo quedan tres.")).toEqual([]);
    expect(check(zh, "ru", "Из одиннадцати сооснователей OpenAI остались лишь трое.")).toEqual([]);
  });

  it("matches dates, months and percentages across conventions", () => {
    expect(check("2024-08-19", "de", "19. August 2024")).toEqual([]);
    expect(check("由OpenAI前研究员于2022年8月创立", "en", "founded in August 2022 by a former OpenAI researcher")).toEqual([]);
    expect(check("OpenAI最初承诺将20%的算力资源分配给超级对齐团队", "fr", "OpenAI avait promis d'accorder 20 % de ses ressources de calcul")).toEqual([]);
    expect(check("１０００名员工", "de", "1.000 Mitarbeiter")).toEqual([]);
    expect(check("It employs 1,000 people and earns 2.5 million.", "fr", "Elle emploie 1 000 personnes et gagne 2,5 millions.", "en")).toEqual([]);
  });

  it("warns, at segment level, when a source number is missing altogether", () => {
    const findings = check("据统计，已有近75名OpenAI核心员工离职。", "de", "Viele Kernmitarbeiter von OpenAI haben gekündigt.");
    expect(findings).toEqual([expect.objectContaining({ level: "warning", start: 0, end: 0, params: expect.objectContaining({ expected: "75" }) })]);
  });

  it("does not read Chinese words that contain numeral characters as numbers", () => {
    // 第一财经 is China Business News, 一是…二是 "first … second", 千万 "by all means".
    expect(check("在接受第一财经采访时表示：一是管理存在问题，二是千万不要放弃。", "en", "told China Business News: first, management has problems; second, never give up.")).toEqual([]);
  });
});
