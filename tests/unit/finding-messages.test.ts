import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { beforeAll, describe, expect, it } from "vitest";
import { routing } from "@/i18n/routing";
import { FINDING_MESSAGE_IDS, runChecks, type CheckVersion, type Finding, type Speller } from "@/lib/checks";
import { DEMO_LANGS, demoSpeller, demoVersion } from "./fixtures/demo-article";

// Every finding is shown in the interface language: the locale files'
// findingMessages.<messageId>, filled in with the finding's params. This runs
// the checks over the demo article and a few made-up segments that between them
// raise every message, and formats each finding in each of the seven locales.

const paragraph = (position: number, text: string) => ({ position, kind: "paragraph" as const, text });
const madeUpSource: CheckVersion = {
  id: "en-source",
  lang: "en",
  label: "source",
  isSource: true,
  segments: [
    paragraph(1, "Share"),
    paragraph(2, "The article ends here. We use cookies on this site."),
    paragraph(3, "The word Tope is here."),
    paragraph(4, "This paragraph was left out of the translation."),
    paragraph(5, "the quick brown fox jumps over the lazy dog"),
    paragraph(7, "The last paragraph of the source."),
    paragraph(9, "This is a test of the checks."),
    paragraph(10, "A mark hides here and in Intelligence."),
    paragraph(11, "In 2023 there were 12 models."),
    paragraph(12, "It is so, as it is."),
    paragraph(13, "This paragraph is empty in the translation."),
    paragraph(14, "This sentence has an end."),
    paragraph(15, "This paragraph is long in the source: it goes on about the models, their makers, the money they cost, the people who left and the people who stayed, and what all of it means for the rest of us."),
    paragraph(16, "The word hello is here."),
  ],
};
const madeUpTarget: CheckVersion = {
  id: "de-target",
  lang: "de",
  label: "MT",
  isSource: false,
  segments: [
    paragraph(1, "Teilen"),
    paragraph(2, "Der Artikel endet hier. Wir verwenden Cookies auf dieser Seite."),
    paragraph(3, "Das Wort T\u043Ep\u0435 ist hier."),
    paragraph(5, "the quick brown fox jumps over the lazy dog"),
    paragraph(6, "Ein Absatz, den die Quelle nicht hat."),
    paragraph(7, "Der letzte Absatz der Quelle."),
    paragraph(9, "Das istein Test der Prüfungen."),
    paragraph(10, "Ein Zeichen versteckt sich hier \u202E und in Intelli\u200Bgenz."),
    paragraph(11, "Damals gab es viele Modelle."),
    paragraph(12, "Es ist so , wie es ist."),
    paragraph(13, ""),
    paragraph(14, "Dieser Satz hat kein Ende"),
    paragraph(15, "Kurz."),
    paragraph(16, "Das Wort привет steht hier."),
    paragraph(17, "Ein Absatz nach dem Ende der Quelle."),
  ],
};

function findings(german: Speller): Finding[] {
  const all: Finding[] = [];
  const collect = (source: CheckVersion, versions: CheckVersion[]) => {
    const glossary = [{ lang: "de", canonical: "Sutskever", variants: ["Suzkwer"] }];
    const speller = (lang: string) => (lang === "de" ? german : null);
    const byVersion = runChecks({ source, versions, glossary, speller }, { onError: (_id, error) => { throw error; } });
    for (const list of byVersion.values()) all.push(...list);
  };
  const demo = DEMO_LANGS.map((lang) => demoVersion(lang, { label: "demo" }));
  collect(demo[0], demo.slice(1));
  collect(madeUpSource, [madeUpTarget]);
  return all;
}

type Messages = { [key: string]: string | Messages };
function lookup(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}
const locales = Object.fromEntries(
  routing.locales.map((locale) => [locale, (JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/${locale}.json`), "utf8")) as Messages).findingMessages as Messages]),
);

describe("finding messages", () => {
  let all: Finding[] = [];
  beforeAll(() => {
    all = findings(demoSpeller("de"));
  }, 60_000);

  it("are raised, between the demo and the made-up segments, for every message id", () => {
    const raised = new Set(all.map((f) => f.messageId));
    expect(FINDING_MESSAGE_IDS.filter((id) => !raised.has(id)), `${all.length} findings`).toEqual([]);
  });

  it("have a text in every locale file, and en.json has no other", () => {
    for (const locale of routing.locales) {
      expect(FINDING_MESSAGE_IDS.filter((id) => lookup(locales[locale], id) === undefined), locale).toEqual([]);
    }
    const keys = Object.entries(locales.en).flatMap(([check, texts]) => Object.keys(texts).map((id) => `${check}.${id}`));
    expect(keys.sort()).toEqual([...FINDING_MESSAGE_IDS].sort());
  });

  describe.each(routing.locales)("in %s", (locale) => {
    it("are filled in by each finding's params, with the quoted words in them", () => {
      const formats = new Map<string, IntlMessageFormat>();
      const names = new Intl.DisplayNames([locale], { type: "language" });
      for (const finding of all) {
        const params: Record<string, string | number> = { ...finding.params };
        if (typeof params.language === "string") params.languageName = names.of(params.language)!;
        if (!formats.has(finding.messageId)) formats.set(finding.messageId, new IntlMessageFormat(lookup(locales[locale], finding.messageId)!, locale));
        const text = String(formats.get(finding.messageId)!.format(params));
        expect(text, `${locale} ${finding.messageId}`).not.toMatch(/[{}]/);
        for (const name of ["found", "expected", "word", "mark", "ending", "text"]) {
          if (typeof finding.params[name] === "string" && lookup(locales.en, finding.messageId)!.includes(`{${name}}`)) {
            expect(text, `${locale} ${finding.messageId} ${name}`).toContain(finding.params[name]);
          }
        }
      }
    });
  });

  it("read in German as German, with German number formatting", () => {
    const mismatch = all.find((f) => f.messageId === "numbers.mismatch" && Number(f.params.expectedValue) >= 1000)!;
    const text = String(new IntlMessageFormat(lookup(locales.de, "numbers.mismatch")!, "de").format(mismatch.params));
    expect(text).toContain(new Intl.NumberFormat("de").format(Number(mismatch.params.expectedValue)));
    expect(text).not.toBe(mismatch.message);
  });
});
