import { beforeAll, describe, expect, it } from "vitest";
import { nameDistance } from "@/lib/checks/names-index";
import { namesCheck } from "@/lib/checks/names";
import type { CheckInput, CheckVersion, Finding, Speller } from "@/lib/checks/types";
import { demoSpeller } from "./fixtures/demo-article";

function version(lang: string, texts: string[], isSource = false): CheckVersion {
  return { id: lang, lang, label: isSource ? "source" : "MT", isSource, segments: texts.map((text, i) => ({ position: i + 1, kind: "paragraph", text })) };
}

/** Runs the names check on `lang` of an article given as one array of segment texts per language. */
function run(lang: string, texts: Record<string, string[]>, source?: string[]): { findings: Finding[]; quote: (f: Finding) => string } {
  const versions = Object.entries(texts).map(([l, t]) => version(l, t));
  const me = versions.find((v) => v.lang === lang)!;
  const input: CheckInput = {
    version: me,
    source: source ? version("zh", source, true) : null,
    others: versions.filter((v) => v !== me),
    glossary: [],
    lang,
    speller: null,
    shared: new Map(),
  };
  return { findings: namesCheck.run(input), quote: (f) => me.segments[f.position - 1].text.slice(f.start, f.end) };
}

// Segment 25 of the demo article, as the German seed and the demo's English, French and Spanish have it.
const SEG25 = {
  de: "Anschließend kündigte Suzkwer im Juni dieses Jahres die Gründung eines neuen Unternehmens für künstliche Intelligenz, Safe Superintelligence Inc. (SSI), an. Lake schloss sich OpenAIs konkurrierendem Unternehmen Anthropic an.",
  en: "Subsequently, in June this year, Sutskever announced the establishment of a new artificial intelligence company, Safe Superintelligence Inc. (SSI). Leike joined Anthropic, an artificial intelligence company that competes with OpenAI.",
  fr: "En juin, Sutskever a ensuite annoncé la création d'une nouvelle société d'intelligence artificielle, Safe Superintelligence Inc. (SSI). Leike, de son côté, a rejoint Anthropic, concurrent d'OpenAI.",
  es: "Posteriormente, en junio, Sutskever anunció la creación de una nueva empresa de inteligencia artificial, Safe Superintelligence Inc. (SSI). Leike se unió a Anthropic, la empresa rival de OpenAI.",
};

describe("names check", () => {
  it("flags back-transliterated names where the other versions agree, with the majority form", () => {
    const { findings, quote } = run("de", { de: [SEG25.de], en: [SEG25.en], fr: [SEG25.fr], es: [SEG25.es] });
    expect(findings.map((f) => [quote(f), f.suggestion, f.level])).toEqual([
      ["Suzkwer", "Sutskever", "error"],
      ["Lake", "Leike", "error"],
    ]);
    expect(findings[0]).toMatchObject({ checkId: "names", mqmCategory: "Accuracy/Mistranslation/Entity", params: { found: "Suzkwer", expected: "Sutskever", versions: 3 } });
  });

  it("flags 'Lake' next to a correct 'Jan Leike' in the same paragraph", () => {
    const { findings, quote } = run("de", {
      de: ["Neben Schulman gaben im Mai auch Ilya Sutskever und Jan Leike ihren Rücktritt bekannt. Lake beklagte sich sogar auf Social Media X."],
      en: ["In addition to Schulman, Ilya Sutskever and Jan Leike also announced their resignations in May. Leike even complained on the platform X."],
      fr: ["Outre Schulman, Ilya Sutskever et Jan Leike ont eux aussi annoncé leur départ en mai. Leike s'est même plaint sur le réseau social X."],
      es: ["Además de Schulman, en mayo también anunciaron su marcha Ilya Sutskever y Jan Leike. Leike llegó a quejarse en la red social X."],
    });
    expect(findings.map((f) => [quote(f), f.suggestion])).toEqual([["Lake", "Leike"]]);
  });

  it("flags one version spelling a name two ways, and names the segment with the right spelling", () => {
    const { findings } = run("es", {
      es: ["Jan Leike dimitió en mayo.", "De Lake a Schulman, Anthropic sigue atrayendo a miembros clave de OpenAI."],
      en: ["Jan Leike resigned in May.", "From Leike to Schulman, Anthropic continues to attract core members of OpenAI."],
      fr: ["Jan Leike a démissionné en mai.", "De Leike à Schulman, Anthropic continue d'attirer des membres clés d'OpenAI."],
      de: ["Jan Leike trat im Mai zurück.", "Von Lake bis Schulman zieht Anthropic weiterhin Kernmitglieder von OpenAI an."],
    });
    expect(findings.map((f) => [f.position, f.suggestion, f.params?.elsewhere])).toEqual([[2, "Leike", 1]]);
  });

  it("does not 'correct' the right spelling towards a garble two other versions share", () => {
    const texts = {
      en: ["Jan Leike resigned.", "From Leike to Schulman, Anthropic attracts OpenAI staff."],
      de: ["Jan Leike trat zurück.", "Von Lake bis Schulman zieht Anthropic Mitarbeiter von OpenAI an."],
      es: ["Jan Leike dimitió.", "De Lake a Schulman, Anthropic atrae a empleados de OpenAI."],
      fr: ["Jan Leike a démissionné.", "De Leike à Schulman, Anthropic attire des salariés d'OpenAI."],
    };
    expect(run("en", texts).findings).toEqual([]);
    expect(run("fr", texts).findings).toEqual([]);
  });

  it("uses Latin names kept in a Chinese source as a vote", () => {
    const { findings, quote } = run(
      "de",
      {
        de: ["Perplexity gilt als starker Konkurrent von Googles Geimini und OpenAIs SearchGPT."],
        en: ["Perplexity is regarded as a strong competitor to Google's Gemini and OpenAI's SearchGPT."],
      },
      ["爆发式的增长使Perplexity被视为谷歌Gemini和OpenAI SearchGPT的有力竞争者。"],
    );
    expect(findings.map((f) => [quote(f), f.suggestion])).toEqual([["Geimini", "Gemini"]]);
  });

  it("stays silent on correct names, genitives, accents and German nouns", () => {
    const texts = {
      de: [
        "Es ist erwähnenswert, dass Brockman, der während des Abberufungssturms fest an Altmans Seite stand, sich beurlauben werde.",
        "Liu Pengfei, außerordentlicher Professor an der Shanghai Jiao Tong University, sagte in einem Interview mit China Business News, dass Leiter und Labore fehlen.",
        "Das Institut für Künstliche Intelligenz in Shanghai arbeitet mit Google und Amazon.",
      ],
      en: [
        "It is worth noting that Brockman, who stood firmly on Altman's side during last year's ouster storm, will take leave.",
        "Liu Pengfei, associate professor at Shanghai Jiao Tong University, told China Business News in an interview that leaders and labs are missing.",
        "The Institute for Artificial Intelligence in Shanghai works with Google and Amazon.",
      ],
      es: [
        "Cabe destacar que Brockman, que se mantuvo firmemente al lado de Altman durante la tormenta, se tomará una excedencia.",
        "Liu Pengfei, profesor asociado de la Universidad Jiao Tong de Shanghái, declaró a China Business News que faltan líderes.",
        "El Institute de Inteligencia Artificial de Shanghái trabaja con Google y Amazon.",
      ],
      fr: [
        "Il convient de noter que Brockman, qui s'était fermement rangé du côté d'Altman, prendra un congé.",
        "Liu Pengfei, professeur associé à l'université Jiao Tong de Shanghai, a déclaré à China Business News que les dirigeants manquent.",
        "L'Institute d'intelligence artificielle de Shanghai travaille avec Google et Amazon.",
      ],
    };
    for (const lang of Object.keys(texts)) {
      const errors = run(lang, texts).findings.filter((f) => f.level === "error");
      expect(errors, lang).toEqual([]);
    }
  });

  it("keeps quiet when only one other version has a name", () => {
    const { findings } = run("de", { de: ["Lake beklagte sich."], en: ["Leike complained."] });
    expect(findings).toEqual([]);
  });

  it("skips versions not written in Latin script", () => {
    const { findings } = run("ru", {
      ru: ["Затем Сузкевер объявил о создании Safe Superintelligence Inc."],
      en: ["Sutskever announced Safe Superintelligence Inc."],
      fr: ["Sutskever a annoncé Safe Superintelligence Inc."],
    });
    expect(findings).toEqual([]);
  });
});

describe("names check among German versions, with the German dictionary", () => {
  let german: Speller;
  beforeAll(() => {
    german = demoSpeller("de");
  }, 120_000);

  /** The names check on the first of several German renderings of the same segments. */
  function firstOf(renderings: string[][]): string[] {
    const versions = renderings.map((texts, i) => ({ ...version("de", texts), id: `de-${i}`, label: `system ${i}` }));
    const [me, ...others] = versions;
    const findings = namesCheck.run({ version: me, source: null, others, glossary: [], lang: "de", speller: german, shared: new Map() });
    return findings.map((f) => `${me.segments[f.position - 1].text.slice(f.start, f.end)} → ${f.suggestion}`);
  }

  it("leaves a different choice of noun alone, where both are words of the language, compounds included", () => {
    const others = ["Die Gärtnerin pflanzt jedes Jahr neue Blumen im Stadtpark.", "Das psychische Wohlergehen der Bevölkerung hat sich verbessert."];
    const mine = ["Die Gärtnerin pflanzt jedes Jahr neue Blüten im Stadtpark.", "Das psychische Wohlbefinden der Bevölkerung hat sich verbessert."];
    expect(firstOf([mine, others, others, others])).toEqual([]);
  });

  it("still flags garbled names, which the dictionary does not know", () => {
    const others = ["Danach gründete Sutskever ein eigenes Unternehmen.", "Auch Leike wechselte zu Anthropic."];
    const mine = ["Danach gründete Suzkwer ein eigenes Unternehmen.", "Auch Lake wechselte zu Anthropic."];
    expect(firstOf([mine, others, others, others])).toEqual(["Suzkwer → Sutskever", "Lake → Leike"]);
  });
});

describe("nameDistance", () => {
  it("accepts garbles of the same shape and rejects different words", () => {
    expect(nameDistance("Suzkwer", "Sutskever")).toBe(4);
    expect(nameDistance("Lake", "Leike")).toBe(2);
    expect(nameDistance("Geimini", "Gemini")).toBe(1);
    expect(nameDistance("Skalierung", "Scaling")).toBeNull();
    expect(nameDistance("Leiter", "Leike")).toBeNull();
    expect(nameDistance("Jack", "Jan")).toBeNull();
  });
});
