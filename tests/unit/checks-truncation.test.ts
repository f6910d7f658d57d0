import { describe, expect, it } from "vitest";
import type { SegmentKind } from "@/lib/text";
import { truncationCheck } from "@/lib/checks/truncation";
import type { CheckVersion, Finding } from "@/lib/checks/types";

const ZH_29 = "他表示，OpenAI的创始人基本上不持有股份。从人工智能治理的角度看，创始人离开的主要原因是治理理念之间的冲突，即在追求商业利益与坚守安全、造福人类的使命之间，创始人与公司管理层产生了难以调和的分歧。";
const EN_29 = "He said that the founders of OpenAI basically do not hold shares. From the perspective of artificial intelligence governance, the main reason for the founders' departure is the conflict between governance philosophies, that is, between pursuing commercial interests and upholding the mission of safety and benefiting humanity, irreconcilable differences arose between the founders and the company's management.";
const FR_29 = "Selon lui, les fondateurs d'OpenAI ne détiennent pratiquement aucune part du capital. Du point de vue de la gouvernance de l'intelligence artificielle, la principale raison de leur départ réside dans le conflit entre des conceptions de la gouvernance, c'est-à-dire entre la recherche du profit et la sécurité.";
const ZH_31 = "从雷克到舒尔曼，Anthropic不断吸引着OpenAI的核心成员。";
const ZH_30 = "挑战者Anthropic";

function version(lang: string, texts: string[], isSource = false, kinds: SegmentKind[] = ["paragraph", "heading", "paragraph"]): CheckVersion {
  return { id: `${lang}-${isSource}`, lang, label: "MT", isSource, segments: texts.map((text, i) => ({ position: i + 1, kind: kinds[i], text })) };
}

function check(lang: string, texts: string[]): Finding[] {
  const source = version("zh", [ZH_29, ZH_30, ZH_31], true);
  const others = [version("en", [EN_29, "Challenger Anthropic", "From Leike to Schulman, Anthropic continues to attract core members of OpenAI."]), version("fr", [FR_29, "Le challenger Anthropic", "De Leike à Schulman, Anthropic continue d'attirer des membres clés d'OpenAI."])];
  return truncationCheck.run({ version: version(lang, texts), source, others, glossary: [], lang, speller: null, shared: new Map() });
}

describe("truncation check", () => {
  it("finds paragraphs cut off after a dangling abbreviation or article (seed de 29, demo es 29, ja 29)", () => {
    const de = "Er sagte, dass die Gründer von OpenAI im Grunde keine Anteile halten. Aus Sicht der künstlichen Intelligenz-Governance sei der Hauptgrund, warum die Gründer gegangen seien, der Konflikt zwischen Governance-Konzepten, d.";
    const found = check("de", [de, "ChallengerAnthropic", "Von Lake bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an."]);
    expect(found).toEqual([expect.objectContaining({ position: 1, level: "error", params: { ending: "d." } })]);
    expect(de.slice(found[0].start, found[0].end)).toBe("d.");
    const es = "Según él, los fundadores de OpenAI prácticamente no tienen participaciones. Desde la perspectiva de la gobernanza de la inteligencia artificial, la razón principal de su marcha es el conflicto entre concepciones de gobernanza, es decir, entre el.";
    expect(check("es", [es, "El rival Anthropic", "De Leike a Schulman, Anthropic sigue atrayendo a miembros clave de OpenAI."])[0]).toMatchObject({ level: "error", params: { ending: "el." } });
    const ja = "同氏によると、OpenAIの創業者たちは基本的に株式を保有していない。AIガバナンスの観点から見ると、創業者たちが去った主な理由はガバナンス理念の対立、すなわち。";
    expect(check("ja", [ja, "挑戦者Anthropic", "ライケ氏からシュルマン氏まで、AnthropicはOpenAIの中核メンバーを引きつけ続けている。"])[0]).toMatchObject({ level: "error", params: { ending: "すなわち。" } });
  });

  it("warns about a paragraph without final punctuation, or far shorter than the source and the other versions", () => {
    const cut = "Aus Sicht der Governance sei der Hauptgrund der Konflikt zwischen Governance-Konzepten";
    const rest = ["ChallengerAnthropic", "Von Leike bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an."];
    expect(check("de", [cut, ...rest])[0]).toMatchObject({ level: "warning", message: expect.stringContaining("no final punctuation") });
    expect(check("de", ["Die Gründer halten keine Anteile.", ...rest])[0]).toMatchObject({ level: "warning", start: 0, end: 0, message: expect.stringContaining("far shorter") });
  });

  it("stays silent on complete paragraphs, headings without punctuation and legitimate abbreviations", () => {
    const de = "Er sagte, dass die Gründer von OpenAI im Grunde keine Anteile halten. Aus Sicht der Governance künstlicher Intelligenz sei der Hauptgrund für ihren Abgang der Konflikt zwischen Governance-Konzepten, also zwischen Gewinnstreben und Sicherheit, Intel, AMD usw.";
    expect(check("de", [de, "ChallengerAnthropic", "Von Leike bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an."])).toEqual([]);
    expect(check("en", [EN_29, "Challenger Anthropic", "From Leike to Schulman, Anthropic continues to attract core members of OpenAI, Inc."])).toEqual([]);
  });
});
