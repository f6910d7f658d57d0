import fs from "node:fs";
import path from "node:path";
import nspell from "nspell";
import { beforeAll, describe, expect, it } from "vitest";
import { glossaryCheck } from "@/lib/checks/glossary";
import { gluedCheck } from "@/lib/checks/glued";
import { lookalikesCheck } from "@/lib/checks/lookalikes";
import { namesCheck } from "@/lib/checks/names";
import type { CheckInput, CheckVersion, Speller } from "@/lib/checks/types";

const spellers = new Map<string, Speller>();

beforeAll(() => {
  // The German dictionary takes seconds to load: once per file.
  for (const lang of ["en", "de", "fr"]) {
    const dir = path.resolve(__dirname, `../../node_modules/dictionary-${lang}`);
    spellers.set(lang, nspell(fs.readFileSync(path.join(dir, "index.aff")), fs.readFileSync(path.join(dir, "index.dic"))));
  }
}, 120_000);

function version(lang: string, texts: string[]): CheckVersion {
  return { id: lang, lang, label: "MT", isSource: false, segments: texts.map((text, i) => ({ position: i + 1, kind: "paragraph", text })) };
}

function input(lang: string, texts: Record<string, string[]>, withSpeller = true): CheckInput {
  const versions = Object.entries(texts).map(([l, t]) => version(l, t));
  const me = versions.find((v) => v.lang === lang)!;
  return { version: me, source: null, others: versions.filter((v) => v !== me), glossary: [], lang, speller: withSpeller ? (spellers.get(lang) ?? null) : null, shared: new Map() };
}

function glued(lang: string, texts: Record<string, string[]>, withSpeller = true) {
  const i = input(lang, texts, withSpeller);
  return gluedCheck.run(i).map((f) => [f.position, i.version.segments[f.position - 1].text.slice(f.start, f.end), f.suggestion, f.level]);
}

describe("glued words: CamelCase joins", () => {
  it("splits ScalingLaws where other versions write Scaling Laws", () => {
    const de = "Der technische Bereich muss möglicherweise darüber nachdenken, ob ScalingLaws (das Gesetz der Skalierung) sich seinem Ende nähert.";
    const en = "The technical field may need to consider whether the Scaling Laws are coming to an end.";
    const fr = "Le secteur technologique devra peut-être se demander si les Scaling Laws (lois d'échelle) touchent à leur fin.";
    expect(glued("de", { de: [de], en: [en], fr: [fr] })).toEqual([[1, "ScalingLaws", "Scaling Laws", "error"]]);
  });

  it("splits a glued paper title and the glued heading ChallengerAnthropic", () => {
    const texts = {
      de: ["Alle acht Autoren des Papiers „AttentionIsAllYouNeed“ haben Google verlassen.", "ChallengerAnthropic"],
      en: ["The eight authors of the paper 'Attention Is All You Need' have all left Google.", "Challenger Anthropic"],
      es: ["Los ocho autores del artículo «Attention Is All You Need» han dejado Google.", "El rival Anthropic"],
    };
    expect(glued("de", texts)).toEqual([
      [1, "AttentionIsAllYouNeed", "Attention Is All You Need", "error"],
      [2, "ChallengerAnthropic", "Challenger Anthropic", "error"],
    ]);
  });

  it("keeps a brand whole when splitting a function word off it, and flags a function word glued to a noun", () => {
    const texts = {
      de: ["Musk verklagte undOpenAI erneut.", "Die Bedeutung derKI wächst."],
      en: ["Musk sued OpenAI again.", "The importance of AI is growing."],
      fr: ["Musk a de nouveau poursuivi OpenAI.", "L'importance de l'IA grandit."],
    };
    expect(glued("de", texts)).toEqual([
      [1, "undOpenAI", "und OpenAI", "error"],
      [2, "derKI", "der KI", "error"],
    ]);
  });

  it("never splits brand names written the same way in the other versions", () => {
    const sentence = (lang: string) => `${lang}: OpenAI, ChatGPT, DeepMind, SearchGPT, xAI, GPT-4o, iPhone, YouTube, LinkedIn, OpenAIs.`;
    const texts = { de: [sentence("de")], en: [sentence("en")], fr: [sentence("fr")] };
    expect(glued("de", texts)).toEqual([]);
    expect(glued("en", texts)).toEqual([]);
  });

  it("leaves OpenAl to the look-alike check", () => {
    expect(glued("de", { de: ["Klage gegen OpenAl."], en: ["Lawsuit against OpenAI."], fr: ["Plainte contre OpenAI."] })).toEqual([]);
  });

  it("needs the parts to be known words", () => {
    expect(glued("de", { de: ["Das Projekt QwertZuiop ist neu."], en: ["The project QwertZuiop is new."] })).toEqual([]);
  });
});

describe("glued words: function words run into a neighbour", () => {
  it("flags an English function word glued to the next word", () => {
    expect(glued("en", { en: ["This is one ofthe largest rounds, andthe company grew."] })).toEqual([
      [1, "ofthe", "of the", "warning"],
      [1, "andthe", "and the", "warning"],
    ]);
  });

  it("flags a German article glued to an adjective", () => {
    expect(glued("de", { de: ["Das ist dieneue Strategie des Unternehmens."] })).toEqual([[1, "dieneue", "die neue", "warning"]]);
  });

  it("does not flag real German compounds the dictionary does not know", () => {
    const de = [
      "Ursprünglich hat er versprochen, dem Super-Alignment-Team 20 % der Rechenleistungsressourcen zu geben.",
      "Die Unternehmensführungsstruktur, die Aufholjagd der Wettbewerber und die sieben Mitgründer bleiben ein Thema.",
      "Dieselmotoren, Desinformationskampagnen und Denkfabriken werden derzeit diskutiert; die nichtstaatlichen Akteure auch.",
    ];
    expect(glued("de", { de })).toEqual([]);
  });

  it("does not flag English and French compounds or terms", () => {
    expect(glued("en", { en: ["Leike joined Anthropic to continue the superalignment mission; the chatbot took a backseat."] })).toEqual([]);
    expect(glued("fr", { fr: ["« La superintelligence sûre est notre unique objectif », poursuivre la mission du superalignement."] })).toEqual([]);
  });

  it("skips the dictionary part without a speller", () => {
    expect(glued("en", { en: ["one ofthe largest"] }, false)).toEqual([]);
  });
});

describe("precision on professional prose", () => {
  const GERMAN = [
    "Die Europäische Zentralbank hat am Donnerstag den Leitzins unverändert gelassen. Präsidentin Christine Lagarde verwies auf die nachlassende Inflation im Euroraum, warnte aber vor voreiligen Schlüssen.",
    "Der Softwarekonzern SAP aus Walldorf meldete für das dritte Quartal einen Umsatzanstieg von neun Prozent. Besonders das Cloud-Geschäft wuchs kräftig, während die Lizenzerlöse weiter zurückgingen.",
    "Im Gespräch mit der Frankfurter Allgemeinen Zeitung sagte Vorstandschef Christian Klein, man wolle die Rechenzentrumskapazitäten in Deutschland ausbauen und die Zusammenarbeit mit Microsoft und Google vertiefen.",
    "Kritiker bemängeln, dass die Datenschutzgrundverordnung kleine Unternehmen überfordere. Die Bundesregierung kündigte an, Beratungsangebote für den Mittelstand zu erweitern.",
  ];
  const ENGLISH = [
    "The European Central Bank left its key interest rate unchanged on Thursday. President Christine Lagarde pointed to easing inflation in the euro area but warned against drawing hasty conclusions.",
    "The software group SAP, based in Walldorf, reported a nine percent rise in third-quarter revenue. Its cloud business grew strongly, while licence revenue continued to decline.",
    "Speaking to the Frankfurter Allgemeine Zeitung, chief executive Christian Klein said the company wanted to expand data centre capacity in Germany and deepen its cooperation with Microsoft and Google.",
    "Critics complain that the General Data Protection Regulation overburdens small businesses. The federal government announced that it would expand advisory services for medium-sized companies.",
  ];

  it.each(["de", "en"])("%s: no error-level finding from any of the four checks", (lang) => {
    const i = input(lang, { de: GERMAN, en: ENGLISH });
    const findings = [glossaryCheck, namesCheck, lookalikesCheck, gluedCheck].flatMap((check) => check.run(i));
    expect(findings.filter((f) => f.level === "error")).toEqual([]);
  });
});
